// A course author's proof that their exercises are sound (`backend-roadmap dev check`): for every
// exercise and flavour, the starter's check fails, the reference solution's passes, every known-wrong
// variant (wrong/<name>/, over the default flavour's solution) is rejected and every correct
// alternative (right/<name>/) passes. The same rules the bundled library's test enforces. For an
// exercise graded by seeded bugs the same steps hold with the learner's side being tests: the reference
// tests catch every bug, and each wrong/ variant (a weak suite) passes on the given code but misses one.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkExercise } from './check';
import { flavourInfo } from './flavours';
import type { Flavour } from './flavours';
import { exerciseFiles, templateVars } from './manifest';
import type { Exercise } from './manifest';
import { loadExercisesEach } from './manifestLoader';
import { markerFileName } from './marker';
import { readMutantGrading } from './mutants';
import { checkBySpec } from './runner';
import type { CheckResult, TestResult } from './runner';
import { runners } from './runners';
import { planScaffold, readTemplateFiles, renderFiles, writeScaffold } from './scaffold';
import type { TemplateFile } from './scaffold';
import { readSpec, specFileName } from './spec/load';
import type { Spec } from './spec/schema';

/** Nothing to check: no exercises folder, an unknown id asked for. The CLI's exit 2. */
export class DevCheckSetupError extends Error {}

/** One folder checked, and whether it came out as it must. */
export interface StepReport {
  /** `starter`, `solution`, `wrong/<name>` or `right/<name>`. */
  label: string;
  ok: boolean;
  /** What happened, in a few words: "fails (0 passed, 3 failed)". */
  summary: string;
  /** The first lines of what went wrong (failed tests, an install's output, a setup error); for a rejected wrong variant, what caught it. */
  detail: string;
  durationMs: number;
  /** A wrong variant: the spec alone rejected it, or the whole check (tests, then spec) had to. */
  rejectedBy?: 'spec' | 'check';
}

export interface FlavourReport {
  flavour: Flavour;
  starter: StepReport;
  solution: StepReport;
  /** Only for the default flavour, whose solution the variants are laid over. */
  wrong: StepReport[];
  right: StepReport[];
}

export interface ExerciseReport {
  /** The folder name (a broken manifest may not say its id). */
  id: string;
  /** A manifest or spec that does not load: the exercise was not run. */
  problem?: { file: string; message: string };
  flavours: FlavourReport[];
  sound: boolean;
}

export interface DevCheckReport {
  exercisesDir: string;
  /** Folder names skipped by the flavour filter, and why. */
  skipped: { id: string; why: string }[];
  exercises: ExerciseReport[];
  /** Stopped by the signal: `exercises` holds only those checked to the end. */
  cancelled: boolean;
}

/** What happens as it goes, for a progress line per step: a course's check takes minutes. */
export type DevCheckEvent =
  | { kind: 'start'; exercisesDir: string; scratchDir: string; total: number; skipped: DevCheckReport['skipped'] }
  | { kind: 'exercise'; id: string; index: number; total: number; flavours: Flavour[] }
  | { kind: 'broken'; id: string; file: string; message: string }
  | { kind: 'flavour'; id: string; flavour: Flavour }
  | { kind: 'note'; id: string; text: string }
  | { kind: 'step'; id: string; flavour: Flavour; step: StepReport };

export interface DevCheckOptions {
  /** Only these exercise ids (folder names); an unknown one is a setup error. */
  only?: readonly string[];
  /** Only this flavour; exercises without it are skipped. */
  flavour?: Flavour;
  signal?: AbortSignal;
  onEvent?: (event: DevCheckEvent) => void;
  /** A topic's title for templates' `{{topicTitle}}`; the topic id when unknown. */
  topicTitle?: (topicId: string) => string | undefined;
  /** Each check's test time limit (the learner's default when not given). */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Checks every exercise in `exercisesDir` (a course's `<authoring folder>/exercises`) in a scratch
 * folder that is removed afterwards, cancelled or not.
 */
export async function devCheck(exercisesDir: string, options: DevCheckOptions = {}): Promise<DevCheckReport> {
  const stat = await fs.stat(exercisesDir).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new DevCheckSetupError(
      `no exercises folder at ${exercisesDir}: a course keeps its exercises in <dir>/.backend-roadmap/exercises/<id>/ (or <dir>/exercises/<id>/)`,
    );
  }
  const loaded = await loadExercisesEach(exercisesDir);
  if (loaded.length === 0)
    throw new DevCheckSetupError(`${exercisesDir} holds no exercises (one folder per exercise, with its exercise.json)`);
  const unknown = (options.only ?? []).filter((id) => !loaded.some((l) => l.id === id));
  if (unknown.length > 0) {
    throw new DevCheckSetupError(
      `no exercise ${unknown.map((id) => `"${id}"`).join(', ')} in ${exercisesDir} (it has: ${loaded.map((l) => l.id).join(', ')})`,
    );
  }
  const selected = options.only ? loaded.filter((l) => options.only?.includes(l.id)) : loaded;
  const skipped: DevCheckReport['skipped'] = [];
  // A broken manifest stays in: it is broken whatever the flavour.
  const planned = selected.filter((l) => {
    if (!options.flavour || !('exercise' in l) || l.exercise.flavours.includes(options.flavour)) return true;
    skipped.push({ id: l.id, why: `no ${flavourInfo[options.flavour].label} flavour` });
    return false;
  });
  if (planned.length === 0 && options.flavour)
    throw new DevCheckSetupError(`none of the exercises asked for has a ${flavourInfo[options.flavour].label} flavour`);

  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'backend-roadmap-dev-check-'));
  const report: DevCheckReport = { exercisesDir, skipped, exercises: [], cancelled: false };
  const emit = (event: DevCheckEvent) => options.onEvent?.(event);
  try {
    emit({ kind: 'start', exercisesDir, scratchDir: scratch, total: planned.length, skipped });
    for (const [index, entry] of planned.entries()) {
      if (options.signal?.aborted) break;
      if ('error' in entry) {
        emit({ kind: 'exercise', id: entry.id, index, total: planned.length, flavours: [] });
        emit({ kind: 'broken', id: entry.id, file: entry.error.file, message: entry.error.problem });
        report.exercises.push({
          id: entry.id,
          problem: { file: entry.error.file, message: entry.error.problem },
          flavours: [],
          sound: false,
        });
        continue;
      }
      const { exercise } = entry;
      const flavours = options.flavour ? [options.flavour] : exercise.flavours;
      emit({ kind: 'exercise', id: exercise.id, index, total: planned.length, flavours });
      const checked = await checkOne(exercise, flavours, path.join(scratch, exercise.id), { ...options, exercisesDir, emit });
      // An exercise cut short by a cancel has no verdict.
      if (options.signal?.aborted) break;
      report.exercises.push(checked);
    }
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
  report.cancelled = options.signal?.aborted === true;
  return report;
}

interface Context extends DevCheckOptions {
  exercisesDir: string;
  emit: (event: DevCheckEvent) => void;
}

async function checkOne(exercise: Exercise, flavours: Flavour[], scratch: string, ctx: Context): Promise<ExerciseReport> {
  const { id } = exercise;
  let spec: Spec | undefined;
  try {
    spec = await readSpec(exercise.dir);
  } catch (e) {
    const file = path.join(exercise.dir, specFileName);
    const message = errorText(e);
    ctx.emit({ kind: 'broken', id, file, message });
    return { id, problem: { file, message }, flavours: [], sound: false };
  }
  for (const service of exercise.services) {
    const variable = service === 'postgres' ? 'DATABASE_URL' : 'REDIS_URL';
    if (!{ ...process.env, ...ctx.env }[variable])
      ctx.emit({ kind: 'note', id, text: `needs ${service}, and ${variable} is not set: its tests will say what they could not reach` });
  }
  const reports: FlavourReport[] = [];
  try {
    for (const flavour of flavours) {
      if (ctx.signal?.aborted) break;
      ctx.emit({ kind: 'flavour', id, flavour });
      reports.push(await checkFlavour(exercise, flavour, spec, path.join(scratch, flavour), ctx));
    }
  } finally {
    // Each exercise's folders go as soon as it is done, so a long course does not fill the disk.
    await fs.rm(scratch, { recursive: true, force: true });
  }
  const sound = reports.every((f) => [f.starter, f.solution, ...f.wrong, ...f.right].every((s) => s.ok));
  return { id, flavours: reports, sound };
}

async function checkFlavour(
  exercise: Exercise,
  flavour: Flavour,
  spec: Spec | undefined,
  scratch: string,
  ctx: Context,
): Promise<FlavourReport> {
  const runner = runners[flavourInfo[flavour].runner];
  // Moved or linked between folders with the same project files, so one install serves them all.
  const deps = runner.dependencyFolder;
  const topicTitle = ctx.topicTitle?.(exercise.topic) ?? exercise.topic;
  const step = (s: StepReport) => {
    // A step cut short by a cancel has no verdict to show.
    if (!ctx.signal?.aborted) ctx.emit({ kind: 'step', id: exercise.id, flavour, step: s });
    return s;
  };

  const starterDir = path.join(scratch, 'starter');
  const starterRun = await scaffoldAndCheck(starterDir, () => exerciseFiles(exercise, topicTitle, false, flavour), exercise, ctx);
  const starter = step(judgeStarter(starterRun));

  const solutionDir = path.join(scratch, 'solution');
  // Cancelled: the caller drops this exercise's report, so nothing more needs to run.
  if (ctx.signal?.aborted) return { flavour, starter, solution: starter, wrong: [], right: [] };
  // The starter's install serves the solution when they ask for the same dependencies.
  const solutionRun = await scaffoldAndCheck(
    solutionDir,
    () => exerciseFiles(exercise, topicTitle, true, flavour),
    exercise,
    ctx,
    () => moveDependencies(runner.projectFiles, deps, starterDir, solutionDir),
  );
  const solution = step(judgeSolution(solutionRun));

  const report: FlavourReport = { flavour, starter, solution, wrong: [], right: [] };
  if (flavour !== exercise.flavours[0]) return report;

  const overSolution = async (kind: 'wrong' | 'right', name: string): Promise<TemplateFile[]> => {
    const files = await exerciseFiles(exercise, topicTitle, true, flavour);
    const byPath = new Map(files.filter((f) => f.path !== markerFileName).map((f) => [f.path, f]));
    // Rendered like the solution they are laid over.
    const variant = renderFiles(await readTemplateFiles(path.join(exercise.dir, kind, name)), templateVars(exercise, topicTitle));
    for (const f of variant) {
      if (f.path === markerFileName) throw new Error(`${kind}/${name} must not ship its own ${markerFileName}`);
      byPath.set(f.path, f);
    }
    const marker = files.find((f) => f.path === markerFileName);
    return [...[...byPath.values()].sort((a, b) => a.path.localeCompare(b.path)), ...(marker ? [marker] : [])];
  };

  for (const name of await variantNames(exercise.dir, 'wrong')) {
    if (ctx.signal?.aborted) return report;
    const dir = path.join(scratch, `wrong-${name}`);
    const started = Date.now();
    let ready: boolean;
    try {
      await writeInto(dir, await overSolution('wrong', name));
      ready = await linkDependencies(runner.projectFiles, deps, solutionDir, dir);
    } catch (e) {
      report.wrong.push(step(notRun(`wrong/${name}`, e, started)));
      continue;
    }
    // The spec first (quick, and it rejects most); what it cannot see from outside, the whole check must.
    // It needs the dependencies in place, so only when the solution's serve (the check installs its own).
    const start = spec && ready ? await runner.specStart?.(dir, spec).catch(() => undefined) : undefined;
    if (spec && start) {
      const bySpec = await checkBySpec(runner, dir, start, { spec, signal: ctx.signal, timeoutMs: ctx.timeoutMs, env: ctx.env }).catch(
        () => undefined,
      );
      if (bySpec?.outcome === 'failed') {
        report.wrong.push(
          step(judgeWrong(`wrong/${name}`, { result: bySpec, output: '', durationMs: Date.now() - started }, 'spec', true)),
        );
        continue;
      }
    }
    const run = await check(dir, exercise, ctx);
    const judged = { ...run, durationMs: Date.now() - started };
    // Graded by seeded bugs, a wrong variant is a weak test suite: it must miss a bug, not fail on the correct code.
    report.wrong.push(
      step(
        exercise.grading === 'mutants'
          ? judgeWeakSuite(`wrong/${name}`, judged)
          : judgeWrong(`wrong/${name}`, judged, 'check', spec !== undefined),
      ),
    );
  }

  for (const name of await variantNames(exercise.dir, 'right')) {
    if (ctx.signal?.aborted) return report;
    const dir = path.join(scratch, `right-${name}`);
    // The whole check, as a learner who wrote it this way would get it.
    const run = await scaffoldAndCheck(
      dir,
      () => overSolution('right', name),
      exercise,
      ctx,
      () => linkDependencies(runner.projectFiles, deps, solutionDir, dir),
    );
    report.right.push(step(judgePasses(`right/${name}`, run)));
  }
  return report;
}

/** The variant folders under `<exercise>/wrong` or `/right` (a README beside them is not one). */
async function variantNames(exerciseDir: string, kind: 'wrong' | 'right'): Promise<string[]> {
  const entries = await fs.readdir(path.join(exerciseDir, kind), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
}

interface Run {
  result?: CheckResult;
  /** Scaffolding or the check could not run (a template that does not render, no test files). */
  error?: string;
  /** The tail of what the check printed. */
  output: string;
  durationMs: number;
}

const outputTail = 8 * 1024;

/** Writes the files into a new folder (through the scaffolder's path checks, as the CLI's scaffold does) and checks it. */
async function scaffoldAndCheck(
  dir: string,
  files: () => Promise<TemplateFile[]>,
  exercise: Exercise,
  ctx: Context,
  prepare?: () => Promise<unknown>,
): Promise<Run> {
  const started = Date.now();
  try {
    await writeInto(dir, await files());
    await prepare?.();
  } catch (e) {
    return { error: errorText(e), output: '', durationMs: Date.now() - started };
  }
  const run = await check(dir, exercise, ctx);
  return { ...run, durationMs: Date.now() - started };
}

async function writeInto(dir: string, files: TemplateFile[]): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await writeScaffold(await planScaffold(dir, dir, files), false);
}

async function check(dir: string, exercise: Exercise, ctx: Context): Promise<Run> {
  const started = Date.now();
  let output = '';
  try {
    const result = await checkExercise(dir, {
      expected: exercise.id,
      // The course's own spec, never a bundled exercise's of the same id.
      specOf: (id) => (/^[a-z0-9-]+$/.test(id) ? readSpec(path.join(ctx.exercisesDir, id)) : Promise.resolve(undefined)),
      mutantsOf: (id, flavour) =>
        /^[a-z0-9-]+$/.test(id) ? readMutantGrading(path.join(ctx.exercisesDir, id), flavour) : Promise.resolve(undefined),
      ...(exercise.milestones ? { milestones: exercise.milestones } : {}),
      signal: ctx.signal,
      timeoutMs: ctx.timeoutMs,
      env: ctx.env,
      onOutput: (t) => (output = (output + t).slice(-outputTail)),
      onPhase: (phase, message) => {
        if (phase === 'install') ctx.emit({ kind: 'note', id: exercise.id, text: `${message} …` });
      },
    });
    return { result, output, durationMs: Date.now() - started };
  } catch (e) {
    return { error: errorText(e), output, durationMs: Date.now() - started };
  }
}

/** Moves `from`'s installed dependencies into `to` when both ask for the same ones (identical project files). */
async function moveDependencies(projectFiles: readonly string[], folder: string | undefined, from: string, to: string): Promise<void> {
  if (!folder || !(await sameFiles(projectFiles, from, to))) return;
  await fs.rename(path.join(from, folder), path.join(to, folder)).catch(() => undefined);
}

/**
 * Links `from`'s installed dependencies into `to` when both ask for the same ones (an exercise with none
 * has nothing to link). True when `to` has what it needs without an install of its own.
 */
async function linkDependencies(projectFiles: readonly string[], folder: string | undefined, from: string, to: string): Promise<boolean> {
  if (!(await sameFiles(projectFiles, from, to))) return false;
  if (!folder) return true;
  const there = await fs.stat(path.join(from, folder)).then(
    () => true,
    () => false,
  );
  if (there) await fs.symlink(path.join(from, folder), path.join(to, folder), 'dir');
  return true;
}

async function sameFiles(names: readonly string[], a: string, b: string): Promise<boolean> {
  const read = (dir: string, name: string) => fs.readFile(path.join(dir, name), 'utf8').catch(() => undefined);
  for (const name of names) if ((await read(a, name)) !== (await read(b, name))) return false;
  return true;
}

function judgeStarter(run: Run): StepReport {
  const { result } = run;
  const base = { label: 'starter', durationMs: run.durationMs };
  if (!result) return { ...base, ok: false, summary: 'could not be checked', detail: run.error ?? '' };
  // It must fail on behaviour: failed tests, not an install that broke or a run that hung.
  const ok = result.outcome === 'failed' && result.results.some((r) => r.status === 'failed');
  if (ok) return { ...base, ok, summary: `fails (${result.summary})`, detail: '' };
  if (result.outcome === 'passed')
    return {
      ...base,
      ok,
      summary: `passes (${result.summary})`,
      detail: 'The starter passes its check: a learner would be done before starting.',
    };
  return { ...base, ok, summary: described(result), detail: whyFailed(result, run.output) };
}

function judgeSolution(run: Run): StepReport {
  return judgePasses('solution', run);
}

function judgePasses(label: string, run: Run): StepReport {
  const { result } = run;
  const base = { label, durationMs: run.durationMs };
  if (!result) return { ...base, ok: false, summary: 'could not be checked', detail: run.error ?? '' };
  const ok = result.outcome === 'passed';
  return { ...base, ok, summary: described(result), detail: ok ? '' : whyFailed(result, run.output) };
}

function judgeWrong(label: string, run: Run, by: 'spec' | 'check', hasSpec: boolean): StepReport {
  const { result } = run;
  const base = { label, durationMs: run.durationMs };
  if (!result) return { ...base, ok: false, summary: 'could not be checked', detail: run.error ?? '' };
  // A learner's check fails on failed tests or a run that hangs; either way this code is not accepted.
  const ok = result.outcome === 'failed' || result.outcome === 'timedOut';
  if (ok) {
    // What caught it, so an author sees which test or scenario guards against this mistake.
    const caught = result.results.find((r) => r.status === 'failed');
    const summary = `rejected by the ${by} (${result.summary})${caught ? `: ✗ ${caught.name}` : ''}`;
    return { ...base, ok, rejectedBy: by, summary: summary, detail: whyFailed(result, run.output) };
  }
  return {
    ...base,
    ok,
    summary: `NOT rejected: ${described(result)}`,
    detail:
      result.outcome === 'passed'
        ? `The check accepts this known-wrong variant: ${hasSpec ? 'neither the tests nor the spec catch' : 'no test catches'} it.`
        : whyFailed(result, run.output),
  };
}

/**
 * A known-weak test suite of an exercise graded by seeded bugs: its tests must pass on the given code
 * (or it is simply broken) and at least one seeded bug must get through them.
 */
function judgeWeakSuite(label: string, run: Run): StepReport {
  const { result } = run;
  const base = { label, durationMs: run.durationMs };
  if (!result) return { ...base, ok: false, summary: 'could not be checked', detail: run.error ?? '' };
  const bugs = result.seededBugs;
  if (result.outcome === 'failed' && bugs && bugs.caught < bugs.total) {
    const missed = result.results.find((r) => r.status === 'failed');
    return {
      ...base,
      ok: true,
      rejectedBy: 'check',
      summary: `rejected: ${bugs.caught} of ${bugs.total} seeded bugs caught${missed ? `; ✗ ${missed.name}` : ''}`,
      detail: '',
    };
  }
  if (result.outcome === 'passed')
    return {
      ...base,
      ok: false,
      summary: `NOT rejected: ${described(result)}`,
      detail: 'This weak test suite catches every seeded bug: it is not weak, or a bug is missing that it would let through.',
    };
  return {
    ...base,
    ok: false,
    summary: `rejected, but not by a seeded bug: ${described(result)}`,
    detail: `A weak suite must pass on the given code and let a seeded bug through; this one never got to the bugs.\n${whyFailed(result, run.output)}`,
  };
}

function notRun(label: string, e: unknown, started: number): StepReport {
  return { label, ok: false, summary: 'could not be checked', detail: errorText(e), durationMs: Date.now() - started };
}

function described(result: CheckResult): string {
  if (result.outcome === 'passed') return `passes (${result.summary})`;
  if (result.outcome === 'failed') return `fails (${result.summary})`;
  return result.summary;
}

/** The first failed tests with the first lines of their errors; without any, the output's last lines. */
function whyFailed(result: CheckResult, output: string): string {
  const failed = result.results.filter((r) => r.status === 'failed');
  if (failed.length > 0) {
    const shown = failed.slice(0, 3).map(failure);
    if (failed.length > shown.length) shown.push(`… and ${failed.length - shown.length} more`);
    return shown.join('\n');
  }
  const lines = output.split('\n').filter((l) => l.trim() !== '');
  return [result.summary, ...lines.slice(-6)].join('\n');
}

function failure(r: TestResult): string {
  // A spec's failure starts with "Step n of m:", which says nothing on its own.
  const lines = (r.error ?? '').split('\n').filter((l) => l.trim() !== '' && !/^Step \d+ of \d+:$/.test(l.trim()));
  return [`✗ ${[...r.suite, r.name].join(' › ')}`, ...lines.slice(0, 2).map((l) => `  ${l.trim()}`)].join('\n');
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
