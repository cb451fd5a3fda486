// What every exercise check shares, whatever the language: a runner describes its commands and reads
// its results; runCheck runs them with phases, timeouts, cancellation, capped output and cleanup.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readFileInside } from '../shared/safeFs';
import { CheckError, runCommand } from './runCommand';
import type { Command, RunOptions } from './runCommand';
import { commandRunner } from './spec/command';
import { startProgram } from './spec/program';
import { runSpec } from './spec/run';
import type { Spec } from './spec/schema';
import type { MilestoneProgress } from './milestones';

export type { MilestoneProgress } from './milestones';

export { CheckError } from './runCommand';
export type { Command } from './runCommand';

export interface TestResult {
  name: string;
  /** Enclosing suites, outermost first. */
  suite: string[];
  status: 'passed' | 'failed' | 'skipped' | 'todo';
  durationMs?: number;
  error?: string;
  /** Offered one at a time when it failed (from a behavioural spec). */
  hints?: Hint[];
}

/** A hint and its id within its scenario (`step3` for a step's, `0`, `1`… for the scenario's own). */
export interface Hint {
  id: string;
  text: string;
}

export type CheckOutcome = 'passed' | 'failed' | 'cancelled' | 'timedOut';

export interface CheckResult {
  outcome: CheckOutcome;
  exitCode: number | null;
  results: TestResult[];
  /** e.g. "5 passed, 1 failed". */
  summary: string;
  durationMs: number;
  /** Set when dependencies had to be installed first. */
  installMs?: number;
  /** An exercise graded by seeded bugs: how many the learner's tests caught (absent when they were not tried). */
  seededBugs?: { caught: number; total: number };
  /** A project: which milestones pass (see milestones.ts). */
  milestones?: MilestoneProgress;
}

export interface CheckOptions {
  signal?: AbortSignal;
  /** For the test run; installs get their own, longer limit. */
  timeoutMs?: number;
  installTimeoutMs?: number;
  onOutput?: (text: string) => void;
  onPhase?: (phase: 'install' | 'test', message: string) => void;
  env?: NodeJS.ProcessEnv;
  /** The exercise's behavioural spec: required by runners that judge the running program. */
  spec?: Spec;
  /** The CLI prints a failed scenario's first hint; the editor offers hints one at a time instead (and records them). */
  printFirstHint?: boolean;
}

/** A tool a check needs, and the oldest version of it that works. */
export interface ToolRequirement {
  /** For messages: "Node.js". */
  name: string;
  /** Prints the version, e.g. `node --version`. */
  probe: Command;
  /** [major, minor] from what the probe printed; undefined when it cannot be read. */
  version(output: string): [number, number] | undefined;
  minimum: [number, number];
}

export interface InstallStep {
  /** The install phase's message: "Installing dependencies (express, …)". */
  message: string;
  /** Names the step in a failed check's summary: "npm install exited with 1". */
  name: string;
  command: Command;
}

/** Tests the runner runs itself: a command writing machine-readable results to `resultsFile`. */
export interface CommandTestStep {
  kind?: 'command';
  /** The test phase's message: "Running 2 test files". */
  message: string;
  /** Run in the exercise folder; it must write its machine-readable results to `resultsFile`. */
  command: Command;
  /** Checked, in order, before anything is installed or run. */
  requires: ToolRequirement[];
}

/**
 * The exercise's behavioural spec judges the running program: `start` runs it (with PORT set) for
 * each scenario, and the same spec applies whatever the language.
 */
export interface SpecTestStep {
  kind: 'spec';
  message: string;
  start: Command;
  requires: ToolRequirement[];
}

export type TestStep = CommandTestStep | SpecTestStep;

export interface TestContext {
  /** A file in a folder private to this check (removed after it), for the results `parseResults` reads. */
  resultsFile: string;
}

export type Detection = { ok: true } | { ok: false; missing: string };

/**
 * One language's way of checking an exercise. A runner only describes: which commands to run and how
 * to read their results. Starting, capping, cancelling and cleaning up is runCheck's.
 */
export interface ExerciseRunner {
  /** Stored in exercise manifests and marker files: "node". */
  readonly id: string;
  /** What a learner types in the exercise folder to run the tests by hand. */
  readonly manualCommand: string;
  /** Added to `"<command>" was not found on PATH.`: how to get the tools. */
  readonly missingToolHint: string;
  /** Whether `folder` holds a project this runner can run; what is missing when not. Never throws. */
  detect(folder: string): Promise<Detection>;
  /**
   * Files whose presence alone (no reading) makes a folder without a marker count as scaffolded, as
   * 0.1 decided it: cheap, and safe in Restricted Mode.
   */
  readonly projectFiles: readonly string[];
  /**
   * Where the runner installs a folder's dependencies (node_modules, .venv), if inside it: a copy of
   * the folder links it instead of copying or installing again. Undefined when they live elsewhere.
   */
  readonly dependencyFolder?: string;
  /** The exercise id a folder scaffolded before marker files (0.1) recorded, if this runner had a place for one. */
  legacyExerciseId?(folder: string): Promise<string | undefined>;
  /** The test run; throws a CheckError when the folder has nothing to test. */
  test(folder: string, ctx: TestContext): Promise<TestStep>;
  /** Dependencies to install before the tests; undefined when everything is there. */
  install(folder: string): Promise<InstallStep | undefined>;
  /** Per-test results from what the test step wrote to `resultsFile` (possibly cut short, or empty). */
  parseResults(raw: string): TestResult[];
  /**
   * For runners whose own tests are not the spec (Node): how to start the program so the exercise's
   * behavioural spec judges it too, after the tests. Undefined when the folder has no way to start it.
   */
  specStart?(folder: string, spec: Spec): Promise<Command | undefined>;
}

/** The suite the spec's scenarios are listed under when they follow a runner's own tests. */
export const specSuite = 'Behavioural spec';

/** The results file is read up to this size; a run that wrote more keeps the results before the cut. */
const maxResultsBytes = 32 * 1024 * 1024;
/** Each test's error text is shortened to this for the topic page. */
const maxErrorChars = 8 * 1024;

/** A runner's results with each error shortened for the page. */
export function readResults(runner: ExerciseRunner, raw: string): TestResult[] {
  return shortenErrors(runner.parseResults(raw));
}

/** Results with each error shortened for the page, however they were produced. */
function shortenErrors(results: TestResult[]): TestResult[] {
  return results.map((r) => (r.error !== undefined && r.error.length > maxErrorChars ? { ...r, error: shorten(r.error) } : r));
}

function shorten(text: string): string {
  return `${text.slice(0, maxErrorChars)}\n[cut: ${text.length - maxErrorChars} more characters]`;
}

/**
 * Checks an exercise folder with `runner`: makes sure its tools are there, installs missing
 * dependencies, runs the tests in a child process, streams their output, and reads per-test results.
 */
export async function runCheck(runner: ExerciseRunner, dir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const started = Date.now();
  const cancelled = (): CheckResult => ({
    outcome: 'cancelled',
    exitCode: null,
    results: [],
    summary: 'cancelled',
    durationMs: Date.now() - started,
  });
  const run = (command: Command, cwd: string, timeoutMs: number, onOutput = options.onOutput) =>
    runCommand(command, cwd, {
      signal: options.signal,
      env: options.env,
      onOutput,
      timeoutMs,
      missingHint: runner.missingToolHint,
    } satisfies RunOptions);

  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'backend-roadmap-check-'));
  const resultsFile = path.join(tmp, 'results');
  try {
    const test = await runner.test(dir, { resultsFile });
    for (const tool of test.requires) {
      let printed = '';
      // In our own folder: the tool the check will use, not one an exercise's config picks.
      const probe = await run(tool.probe, process.cwd(), 30_000, (t) => (printed += t));
      if (probe.cancelled) return cancelled();
      const have = tool.version(printed);
      const [major, minor] = tool.minimum;
      if (probe.exitCode !== 0 || !have || have[0] < major || (have[0] === major && have[1] < minor)) {
        throw new CheckError(
          `${tool.name} ${major}.${minor} or newer is needed to run the tests; found ${printed.trim() || 'an unreadable version'}.`,
        );
      }
    }

    let installMs: number | undefined;
    const install = await runner.install(dir);
    if (install) {
      options.onPhase?.('install', install.message);
      const t0 = Date.now();
      const proc = await run(install.command, dir, options.installTimeoutMs ?? 600_000);
      installMs = Date.now() - t0;
      if (proc.cancelled || proc.timedOut || proc.exitCode !== 0) {
        const outcome: CheckOutcome = proc.cancelled ? 'cancelled' : proc.timedOut ? 'timedOut' : 'failed';
        const why =
          outcome === 'failed'
            ? `${install.name} exited with ${proc.exitCode}`
            : outcome === 'cancelled'
              ? 'install cancelled'
              : 'install timed out';
        return { outcome, exitCode: proc.exitCode, results: [], summary: why, durationMs: Date.now() - started, installMs };
      }
    }

    // A spec whose program runs to completion is not checked over HTTP, whatever the runner's usual words.
    const commandSpec = test.kind === 'spec' && options.spec?.program === 'command';
    options.onPhase?.('test', commandSpec ? 'Running the program step by step against the spec' : test.message);
    const timeoutMs = options.timeoutMs ?? 120_000;
    if (test.kind === 'spec') return await judgeBySpec(runner, test, dir, timeoutMs, started, installMs, options);
    const testStarted = Date.now();
    const proc = await run(test.command, dir, timeoutMs);
    const raw = await readFileInside(tmp, resultsFile, { maxBytes: maxResultsBytes }).catch(() => '');
    const results = readResults(runner, raw);
    let outcome: CheckOutcome;
    if (proc.cancelled) outcome = 'cancelled';
    else if (proc.timedOut) outcome = 'timedOut';
    else
      outcome =
        proc.exitCode === 0 && results.some((r) => r.status === 'passed') && !results.some((r) => r.status === 'failed')
          ? 'passed'
          : 'failed';
    // The same spec that judges the Python and Go flavours judges this one too, so flavours cannot drift.
    const judged = options.spec !== undefined && runner.specStart !== undefined && (outcome === 'passed' || outcome === 'failed');
    const specStart = judged && options.spec ? await runner.specStart?.(dir, options.spec) : undefined;
    if (judged && !specStart) {
      // Removing the start script must not skip the spec that judges every flavour.
      const script = options.spec?.program === 'command' ? 'migrate' : 'start';
      results.push({
        name: `package.json has a "${script}" script`,
        suite: [specSuite],
        status: 'failed',
        error: `The behavioural spec starts your program with \`npm run ${script}\`, and package.json has no "${script}" script. Put it back (the starter had one).`,
      });
      outcome = 'failed';
    }
    if (options.spec && specStart) {
      const message = 'Starting the program and checking it against the spec';
      options.onPhase?.('test', message);
      options.onOutput?.(`\n== ${message}\n`);
      const bySpec = await judgeBySpec(
        runner,
        { kind: 'spec', message, start: specStart, requires: [] },
        dir,
        // One time limit for the whole check: the spec gets what the tests left (and a little at least).
        Math.max(timeoutMs - (Date.now() - testStarted), 10_000),
        started,
        installMs,
        options,
      );
      results.push(...bySpec.results.map((r) => ({ ...r, suite: [specSuite, ...r.suite] })));
      if (bySpec.outcome !== 'passed') outcome = bySpec.outcome === 'failed' ? 'failed' : bySpec.outcome;
    }
    const count = (s: TestResult['status']) => results.filter((r) => r.status === s).length;
    const parts = [`${count('passed')} passed`, `${count('failed')} failed`];
    if (count('skipped') + count('todo') > 0) parts.push(`${count('skipped') + count('todo')} skipped`);
    let summary = parts.join(', ');
    if (outcome === 'cancelled') summary = `cancelled (${summary})`;
    if (outcome === 'timedOut') summary = `timed out after ${Math.round(timeoutMs / 1000)} s (${summary})`;
    return { outcome, exitCode: proc.exitCode, results, summary, durationMs: Date.now() - started, installMs };
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Only the behavioural spec, against the program `start` starts, without the runner's own tests: a
 * quick first try of a known-wrong variant in an authoring check (the spec rejects most of them).
 */
export function checkBySpec(runner: ExerciseRunner, dir: string, start: Command, options: CheckOptions = {}): Promise<CheckResult> {
  const test: SpecTestStep = { kind: 'spec', message: 'Checking the program against the spec', start, requires: [] };
  return judgeBySpec(runner, test, dir, options.timeoutMs ?? 120_000, Date.now(), undefined, options);
}

/** Runs the spec against the program `test.start` starts, scenario by scenario, within the test timeout. */
async function judgeBySpec(
  runner: ExerciseRunner,
  test: SpecTestStep,
  dir: string,
  timeoutMs: number,
  started: number,
  installMs: number | undefined,
  options: CheckOptions,
): Promise<CheckResult> {
  const { spec } = options;
  if (!spec) throw new CheckError("This flavour is checked by the exercise's behavioural spec, and none was found for it.");
  const limit = new AbortController();
  const timer = setTimeout(() => limit.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, limit.signal]) : limit.signal;
  try {
    const results = await runSpec(spec, {
      start: (specEnv) => startProgram(test.start, dir, { signal, env: { ...options.env, ...specEnv } }),
      // The spec's Redis steps must reach the same server as the program.
      ...(options.env?.REDIS_URL ? { redisUrl: options.env.REDIS_URL } : {}),
      // Specs whose program runs to completion (a migration tool) run `test.start` with each step's arguments.
      run: commandRunner(test.start, dir, { env: options.env, missingHint: runner.missingToolHint }),
      ...(options.env?.DATABASE_URL ? { databaseUrl: options.env.DATABASE_URL } : {}),
      signal,
      onScenario: (r) => {
        const error = r.error ? `\n${r.error.replace(/^/gm, '    ')}` : '';
        // The first hint only: the topic page offers the rest one at a time.
        const hint = options.printFirstHint && r.hints?.[0] ? `\n    Hint: ${r.hints[0].text}` : '';
        options.onOutput?.(`${r.status === 'passed' ? '✔' : '✘'} ${r.name}${error}${hint}\n`);
      },
    });
    const shortened = shortenErrors(results);
    const passed = shortened.filter((r) => r.status === 'passed').length;
    const failed = shortened.length - passed;
    let summary = `${passed} passed, ${failed} failed`;
    let outcome: CheckOutcome = failed === 0 && passed === spec.scenarios.length ? 'passed' : 'failed';
    if (options.signal?.aborted) {
      outcome = 'cancelled';
      summary = `cancelled (${summary})`;
    } else if (limit.signal.aborted) {
      outcome = 'timedOut';
      summary = `timed out after ${Math.round(timeoutMs / 1000)} s (${summary})`;
    }
    return {
      outcome,
      exitCode: null,
      results: shortened,
      summary,
      durationMs: Date.now() - started,
      ...(installMs === undefined ? {} : { installMs }),
    };
  } finally {
    clearTimeout(timer);
  }
}
