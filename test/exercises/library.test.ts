// Every exercise in the library, through the real CLI on real services: the starter's check fails and
// the reference solution's check passes. npm test starts PostgreSQL and Redis on loopback first.
// An exercise graded by seeded bugs (`"grading": "mutants"`: the learner writes the tests) is held to
// the same rules, read for tests: the reference tests catch every seeded bug, and each wrong/ variant,
// a known-weak suite, passes on the given code but lets a seeded bug through.
//
// The exercise × flavour cases run side by side on EXERCISE_JOBS workers (by default one per CPU core,
// at least 2): `before` runs them all in a pool and records each one's outcome, then one `it` per case
// reports it, so a failure still names its case. Each case has its own folders; each worker its own
// PostgreSQL database, Redis database and port range on the shared servers (see harness.ts), so what
// one case's code does under fixed names never meets another's. At the end: the exercise × flavour
// matrix and the per-case table.
import { readSpec } from '../../src/domain/exercises/spec/load';
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { flavourInfo } from '../../src/domain/exercises/flavours';
import type { Flavour } from '../../src/domain/exercises/flavours';
import { loadExercises } from '../../src/domain/exercises/manifestLoader';
import { commandRunner } from '../../src/domain/exercises/spec/command';
import { startCommand } from '../../src/domain/exercises/runners/node';
import { portRangeVariable, startProgram } from '../../src/domain/exercises/spec/program';
import type { PortRange } from '../../src/domain/exercises/spec/program';
import { runSpec } from '../../src/domain/exercises/spec/run';
import type { Spec } from '../../src/domain/exercises/spec/schema';
import { psql } from '../../src/domain/exercises/spec/sql';
import type { Exercise } from '../../src/domain/exercises/manifest';
import { mutantsDir, readMutantsFile } from '../../src/domain/exercises/mutants';
import { runCli, runProcess } from '../helpers/cli';
import type { ProcessRun } from '../helpers/cli';
import { duration, exerciseJobs, grepOf, markdownTable, portRanges, runPool, withDatabase, withRedisDb } from './harness';

const repoRoot = path.join(__dirname, '..', '..');
const exercisesRoot = path.join(repoRoot, 'roadmaps', 'exercises');
const requireServices = process.env.BACKEND_ROADMAP_REQUIRE_SERVICES === '1';
const requirePostgres = process.env.BACKEND_ROADMAP_REQUIRE_POSTGRES === '1';
const serviceEnv = { postgres: 'DATABASE_URL', redis: 'REDIS_URL' } as const;
/** A case still running after this is stopped and fails (mocha's limit per test, as before the pool). */
const caseTimeoutMs = 15 * 60_000;

interface Row {
  starter: string;
  solution: string;
  note: string;
}

/** One exercise in one flavour: one `it`. */
interface Case {
  id: string;
  flavourName: Flavour;
  /** The exercise's default flavour, over whose solution wrong/ and right/ are laid. */
  primary: boolean;
  label: string;
  /** A rough guess at its seconds, to start the long ones first. */
  estimate: number;
}

/** What each worker has for itself on the shared servers. */
interface Worker {
  index: number;
  /** DATABASE_URL, REDIS_URL and BACKEND_ROADMAP_PORT_RANGE for this worker, where there are any. */
  env: Record<string, string>;
  portRange?: PortRange;
}

/** What a case did, recorded by the pool and reported by its `it`. */
interface Outcome {
  worker: number;
  ms: number;
  /** What it was doing when it failed (or last did): "the starter's check", "wrong/no-ttl". */
  step: string;
  error?: unknown;
  /** Lines its `it` prints. */
  logs: string[];
  starter?: string;
  solution?: string;
  installS?: number;
  cachedS?: number;
  wrong?: { rejected: number; total: number; bySpecAlone?: number };
  right?: { passed: number; total: number };
  row?: Row;
}

const seconds = (stderr: string, which: 'in' | 'install') =>
  Number((which === 'in' ? / in ([\d.]+) s/ : /\(install ([\d.]+) s\)/).exec(stderr)?.[1] ?? NaN);

/** An exercise's behavioural spec, if it has one. */
function specOf(id: string): Promise<Spec | undefined> {
  return readSpec(path.join(exercisesRoot, id));
}

/** The JavaScript files (relative paths) in a variant's overlay folder. */
async function jsFilesIn(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.(?:c|m)?js$/.test(e.name)).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** The variant folders under wrong/ or right/ (a README beside them is not one). */
function variantsIn(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
}

/**
 * Runs a spec against a Node flavour's program (`npm start`), each scenario on a fresh start, with the
 * worker's servers and ports. `firstFailure`: stop at the first failed scenario (one is enough to reject
 * a wrong variant, and the scenarios after it would only cost time).
 */
async function runSpecOn(
  spec: Spec,
  dir: string,
  worker: Worker,
  signal: AbortSignal,
  { firstFailure = false } = {},
): Promise<{ failed: number; report: string }> {
  // The same start rule the learner's check uses (the start or migrate script, plain `node …` run directly).
  const command = await startCommand(dir, spec);
  assert.ok(command, `${dir}: package.json has no script the spec can start`);
  const enough = new AbortController();
  const stop = AbortSignal.any([signal, enough.signal]);
  const results = await runSpec(spec, {
    start: (env) =>
      startProgram(command, dir, {
        env: { ...worker.env, ...env },
        signal: stop,
        ...(worker.portRange ? { portRange: worker.portRange } : {}),
      }),
    run: commandRunner(command, dir, { env: worker.env }),
    ...(worker.env.DATABASE_URL ? { databaseUrl: worker.env.DATABASE_URL } : {}),
    ...(worker.env.REDIS_URL ? { redisUrl: worker.env.REDIS_URL } : {}),
    signal: stop,
    onScenario: (r) => {
      if (firstFailure && r.status === 'failed') enough.abort();
    },
  });
  const failed = results.filter((r) => r.status !== 'passed');
  return {
    failed: failed.length,
    report: failed
      .map((r) => `✘ ${r.name}\n${r.error ?? ''}`)
      .join('\n')
      .slice(0, 6000),
  };
}

/**
 * One case, start to end: the same checks and assertions as when the cases ran one after another. It
 * records as it goes into `out`, so a case that fails half way still shows what it got to.
 */
async function runCase(c: Case, exercise: Exercise | undefined, caseDir: string, worker: Worker, signal: AbortSignal, out: Outcome) {
  const { id, flavourName, primary } = c;
  const ts = flavourName === 'typescript';
  // Node flavours have their own tests, and the spec (where there is one) must agree with them;
  // the other flavours' check is the spec itself.
  const node = flavourInfo[flavourName].runner === 'node';
  const flavour = primary ? [] : [`--flavour=${flavourName}`];
  const cli = (args: string[]): Promise<ProcessRun> => runCli(args, repoRoot, { env: worker.env, signal });
  const step = (what: string) => {
    if (signal.aborted) throw new Error(`stopped after ${duration(caseTimeoutMs)} while doing ${out.step}`);
    out.step = what;
  };

  step('loading the manifest');
  assert.ok(exercise, `${id} loads`);
  for (const service of exercise.services) {
    const variable = serviceEnv[service];
    if (!process.env[variable]) {
      const message = `${id} needs ${service}, but ${variable} is not set. Run the tests through \`npm test\`, which starts it.`;
      if (requireServices) assert.fail(message);
      out.logs.push(`  !!! ${message} Its own tests will report what they could not reach.`);
    }
  }
  const starterDir = path.join(caseDir, 'starter');
  const solutionDir = path.join(caseDir, 'solution');
  step("the starter's check");
  assert.equal((await cli(['scaffold', id, starterDir, ...flavour])).code, 0);
  const starter = await cli(['check', starterDir]);
  out.starter = /FAIL: ([^\n]+?) in/.exec(starter.stderr)?.[1] ?? /PASS: ([^\n]+?) in/.exec(starter.stderr)?.[1];
  out.installS = seconds(starter.stderr, 'in');
  assert.equal(
    starter.code,
    1,
    `the starter of ${id} must fail its tests (exit 1), got ${starter.code}:\n${starter.stderr}\n${starter.stdout.slice(-3000)}`,
  );
  assert.match(starter.stderr, /FAIL: \d+ passed, [1-9]\d* failed/);
  // Graded by seeded bugs: how many the learner's tests caught, out of how many, from the check's last line.
  const bugs = exercise.grading === 'mutants' ? (await readMutantsFile(exercise.dir)).mutants.length : 0;
  const caught = (stderr: string) => {
    const m = /; your tests caught (\d+) of (\d+) seeded bugs in /.exec(stderr);
    return m ? { caught: Number(m[1]), total: Number(m[2]) } : undefined;
  };
  if (bugs > 0) assert.ok(caught(starter.stderr)?.total === bugs || /no tests yet/.test(starter.stderr), starter.stderr);
  // The behavioural spec, where the exercise has one, judges every flavour: Node ones after their own tests.
  const spec = await specOf(id);
  const bySpec = /== Starting the program and checking it against the spec/;
  if (node && spec) assert.match(starter.stdout, bySpec, `the check of ${id} runs its spec after the tests`);

  step("the solution's check");
  assert.equal((await cli(['scaffold', id, solutionDir, '--solution', ...flavour])).code, 0);
  // Same dependencies: reuse the starter's install, so the second check shows the cached case. A Python
  // flavour's .venv moves too, when the requirements are the same (as dev check does); Go keeps its own cache.
  const deps = async (dir: string) => {
    if (flavourInfo[flavourName].runner === 'python') return fs.readFile(path.join(dir, 'requirements.txt'), 'utf8');
    const pkg = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies?: object;
      devDependencies?: object;
    };
    return JSON.stringify([pkg.dependencies ?? {}, pkg.devDependencies ?? {}]);
  };
  const installed = { node: 'node_modules', python: '.venv', go: undefined }[flavourInfo[flavourName].runner];
  const moved = installed !== undefined && (await deps(starterDir)) === (await deps(solutionDir));
  if (moved) await fs.rename(path.join(starterDir, installed), path.join(solutionDir, installed)).catch(() => undefined);
  const solution = await cli(['check', solutionDir]);
  out.solution = /PASS: ([^\n]+?) in/.exec(solution.stderr)?.[1] ?? /FAIL: ([^\n]+?) in/.exec(solution.stderr)?.[1];
  out.cachedS = seconds(solution.stderr, 'in');
  assert.equal(
    solution.code,
    0,
    `the reference solution of ${id} must pass (exit 0), got ${solution.code}:\n${solution.stderr}\n${solution.stdout.slice(-3000)}`,
  );
  assert.match(solution.stderr, /PASS: [1-9]\d* passed, 0 failed/);
  if (bugs > 0) assert.deepEqual(caught(solution.stderr), { caught: bugs, total: bugs }, 'the reference tests catch every seeded bug');
  if (node && spec) assert.match(solution.stdout, bySpec, `the check of ${id} runs its spec after the tests`);
  // Known-wrong variants (wrong/<name>/, laid over the JavaScript solution): the spec must reject
  // each; an exercise without a spec (a file artefact, an in-process library) rejects them by its tests.
  let mutation = '';
  const wrongDir = path.join(exercisesRoot, id, 'wrong');
  if (primary && existsSync(wrongDir)) {
    const variants = variantsIn(wrongDir);
    const survivors: string[] = [];
    const byTestsOnly: string[] = [];
    out.wrong = { rejected: 0, total: variants.length, ...(spec ? { bySpecAlone: 0 } : {}) };
    for (const variant of variants) {
      step(`wrong/${variant}`);
      const dir = path.join(caseDir, `wrong-${variant}`);
      await fs.cp(solutionDir, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
      await fs.symlink(path.join(solutionDir, 'node_modules'), path.join(dir, 'node_modules'));
      await fs.cp(path.join(wrongDir, variant), dir, { recursive: true, force: true });
      // A variant that does not even parse is "rejected" by everything and teaches nothing: it must be a
      // plausible mistake in code that runs.
      for (const file of await jsFilesIn(path.join(wrongDir, variant))) {
        const parsed = await runProcess(process.execPath, ['--check', file], dir);
        assert.equal(parsed.code, 0, `${id}: wrong/${variant}/${file} does not parse:\n${parsed.stderr.trim()}`);
      }
      // The spec first (quick); what it cannot see from outside, the learner's check (tests, then spec) must.
      const bySpec = spec ? (await runSpecOn(spec, dir, worker, signal, { firstFailure: true })).failed > 0 : false;
      if (spec && !bySpec) byTestsOnly.push(variant);
      const run = bySpec ? undefined : await cli(['check', dir]);
      // A weak suite is rejected because a seeded bug gets through, not because its own tests fail.
      const missed = bugs > 0 && run ? caught(run.stderr) : undefined;
      const rejected = bySpec || (run?.code === 1 && (bugs === 0 || (missed !== undefined && missed.caught < missed.total)));
      // A stopped run rejects everything; that says nothing about the variant.
      step(`wrong/${variant}`);
      if (!rejected) survivors.push(variant);
      out.wrong = {
        rejected: out.wrong.rejected + (rejected ? 1 : 0),
        total: variants.length,
        ...(spec ? { bySpecAlone: (out.wrong.bySpecAlone ?? 0) + (bySpec ? 1 : 0) } : {}),
      };
      // Each variant's folder goes once judged: a long library must not fill the disk.
      await fs.rm(dir, { recursive: true, force: true });
    }
    step('judging the wrong variants');
    mutation = `${spec ? 'check rejects' : bugs > 0 ? `${bugs} seeded bugs; check rejects` : 'tests reject'} ${variants.length - survivors.length}/${variants.length} ${bugs > 0 ? 'weak suites' : 'wrong variants'}${spec && byTestsOnly.length > 0 ? ` (the spec alone ${variants.length - byTestsOnly.length}; the tests the rest: ${byTestsOnly.join(', ')})` : spec ? ' (all by the spec alone)' : ''}`;
    out.logs.push(`      ${id}: ${mutation}${survivors.length > 0 ? ` (accepted: ${survivors.join(', ')})` : ''}`);
    assert.deepEqual(survivors, [], `${id} must reject every known-wrong variant`);
    assert.ok(variants.length >= 4, `${id} ships at least 4 known-wrong variants, has ${variants.length}`);
  }
  // Correct alternatives (right/<name>/, laid over the JavaScript solution): written differently from
  // the reference, each must pass, so a rule that depends on a choice the README leaves open shows.
  const rightDir = path.join(exercisesRoot, id, 'right');
  if (primary && existsSync(rightDir)) {
    const alternatives = variantsIn(rightDir);
    const rejected: string[] = [];
    const reasons: string[] = [];
    out.right = { passed: 0, total: alternatives.length };
    for (const alternative of alternatives) {
      step(`right/${alternative}`);
      const dir = path.join(caseDir, `right-${alternative}`);
      await fs.cp(solutionDir, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
      await fs.symlink(path.join(solutionDir, 'node_modules'), path.join(dir, 'node_modules'));
      await fs.cp(path.join(rightDir, alternative), dir, { recursive: true, force: true });
      let why = '';
      if (spec) why = (await runSpecOn(spec, dir, worker, signal)).report;
      else {
        const run = await cli(['check', dir]);
        if (run.code !== 0) why = `${run.stderr}\n${run.stdout.slice(-3000)}`;
      }
      step(`right/${alternative}`);
      if (why) {
        rejected.push(alternative);
        reasons.push(`right/${alternative}:\n${why}`);
      } else out.right = { passed: out.right.passed + 1, total: alternatives.length };
      await fs.rm(dir, { recursive: true, force: true });
    }
    step('judging the right alternatives');
    mutation += `${mutation ? '; ' : ''}passes ${alternatives.length - rejected.length}/${alternatives.length} correct alternatives`;
    assert.deepEqual(rejected, [], `${id} must pass every correct alternative in right/:\n${reasons.join('\n')}`);
  }

  let note = node ? exercise.services.join(', ') : `judged by the spec (${flavourInfo[flavourName].runner} runner)`;
  if (ts) {
    step('the TypeScript typecheck');
    // tsx strips types without checking them; the flavour's promise is code that also typechecks.
    const typecheck = await runProcess('npm', ['run', '--silent', 'typecheck'], solutionDir, { env: worker.env, signal });
    assert.equal(typecheck.code, 0, `the TypeScript solution of ${id} typechecks:\n${typecheck.stdout}${typecheck.stderr}`);
    note = 'TypeScript via tsx; solution typechecks';
  }
  // The JavaScript tests print the engine they ran on; the other flavours run on PostgreSQL only.
  if (id === 'sql-migration' && node) {
    step('the database engine');
    const engine = /engine: ([^\n]+)/i.exec(solution.stdout)?.[1]?.trim() ?? 'engine not reported';
    if (requirePostgres) assert.match(engine, /PostgreSQL/, 'the migration ran on the real PostgreSQL');
    note = engine;
  }
  out.row = {
    starter: `fails (${out.starter ?? '?'})`,
    solution: `passes (${out.solution ?? '?'})`,
    note: [note, mutation, node && spec ? `tests, then the ${spec.scenarios.length}-scenario spec` : ''].filter(Boolean).join('; ') || '—',
  };
  step('done');
}

/** Each worker's own database on the server of DATABASE_URL; they go at the end. */
async function createWorkerDatabases(serverUrl: string, count: number): Promise<string[]> {
  const run = randomBytes(4).toString('hex');
  const names = Array.from({ length: count }, (_, i) => `br_library_${run}_w${i + 1}`);
  for (const name of names) {
    const created = await psql(serverUrl, ['-c', `CREATE DATABASE ${name}`]);
    if (created.exitCode !== 0) {
      await dropDatabases(serverUrl, names);
      throw new Error(`could not create ${name} on the server of DATABASE_URL: ${created.stderr.trim()}`);
    }
  }
  return names;
}

async function dropDatabases(serverUrl: string, names: readonly string[]) {
  for (const name of names) await psql(serverUrl, ['-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]).catch(() => undefined);
}

// Discovered from the folder and each manifest's flavours, so a new exercise or flavour is tested without touching this file.
function discoverCases(): Case[] {
  // EXERCISE_ONLY=a,b: only those exercises, for an author's quicker run.
  const only = process.env.EXERCISE_ONLY?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const ids = readdirSync(exercisesRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory() && (!only?.length || only.includes(e.name)))
    .map((e) => e.name)
    .sort();
  const unknown = only?.filter((id) => !ids.includes(id)) ?? [];
  if (unknown.length > 0) throw new Error(`EXERCISE_ONLY names no exercise ${unknown.join(', ')}`);
  // Seconds a check takes by runner, and per variant laid over the default flavour's solution; rough, from CI runs.
  const base: Record<Flavour, number> = { javascript: 8, typescript: 15, python: 22, go: 5 };
  return ids.flatMap((id) => {
    const manifest = JSON.parse(readFileSync(path.join(exercisesRoot, id, 'exercise.json'), 'utf8')) as { flavours: Flavour[] };
    const variants = variantsIn(path.join(exercisesRoot, id, 'wrong')).length + variantsIn(path.join(exercisesRoot, id, 'right')).length;
    const perVariant = existsSync(path.join(exercisesRoot, id, 'spec.json')) ? 4 : 1;
    return manifest.flavours.map((flavourName, i) => ({
      id,
      flavourName,
      primary: i === 0,
      label: i === 0 ? id : `${id} (${flavourInfo[flavourName].label})`,
      estimate: base[flavourName] + (i === 0 ? variants * perVariant : 0),
    }));
  });
}

const libraryTitle = 'exercise library: every starter fails, every reference solution passes';
const caseTitle = (c: Case) => `${c.label}: the starter fails and the reference solution passes`;

describe(libraryTitle, function () {
  this.timeout(caseTimeoutMs);
  const grep = grepOf(process.argv);
  const cases = discoverCases().filter((c) => !grep || grep(`${libraryTitle} ${caseTitle(c)}`));
  // No more workers than cases (EXERCISE_ONLY runs few).
  const jobs = Math.max(1, Math.min(exerciseJobs(), cases.length));
  const outcomes = new Map<Case, Outcome>();
  let exercises: Exercise[] = [];
  let tmp: string | undefined;
  let wallMs = 0;
  let workerDatabases: string[] = [];

  before(async function () {
    // The cases' own limit (caseTimeoutMs each) bounds this hook.
    this.timeout(0);
    exercises = await loadExercises(exercisesRoot);
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'exercise-library-'));
    const ranges = portRanges(jobs);
    const serverUrl = process.env.DATABASE_URL;
    if (serverUrl) {
      try {
        workerDatabases = await createWorkerDatabases(serverUrl, jobs);
      } catch (e) {
        // Without them the workers share DATABASE_URL's database, where the exercises keep to their own schemas.
        if (requirePostgres) throw e;
        console.warn(`  !!! ${e instanceof Error ? e.message : String(e)}; the workers share DATABASE_URL's database`);
      }
    }
    const workers: Worker[] = Array.from({ length: jobs }, (_, i) => {
      const env: Record<string, string> = {};
      const database = workerDatabases[i];
      if (serverUrl && database) env.DATABASE_URL = withDatabase(serverUrl, database);
      // Redis has 16 databases (0 is left to others); beyond 15 workers some share one.
      const redis = process.env.REDIS_URL ? withRedisDb(process.env.REDIS_URL, (i % 15) + 1) : undefined;
      if (redis) env.REDIS_URL = redis;
      const portRange = ranges?.[i];
      if (portRange) env[portRangeVariable] = `${portRange[0]}-${portRange[1]}`;
      return { index: i, env, ...(portRange ? { portRange } : {}) };
    });
    console.log(
      `      ${cases.length} cases (${new Set(cases.map((c) => c.id)).size} exercises${process.env.EXERCISE_ONLY ? ', EXERCISE_ONLY' : ''}${grep ? ', narrowed by --grep' : ''}) on ${jobs} worker${jobs === 1 ? '' : 's'}${process.env.EXERCISE_JOBS ? ' (EXERCISE_JOBS)' : ''}` +
        `${ranges ? `; ports ${ranges[0]?.[0]}-${ranges.at(-1)?.[1]}` : ''}${workerDatabases.length > 0 ? '; a PostgreSQL database' : ''}${workers[0]?.env.REDIS_URL ? ' and a Redis database' : ''}${ranges || workerDatabases.length > 0 ? ' per worker' : ''}`,
    );
    const started = Date.now();
    let finished = 0;
    // Longest first, so the last ones to start are short and the workers finish together.
    const ordered = [...cases].sort((a, b) => b.estimate - a.estimate);
    await runPool(ordered, jobs, async (c, index) => {
      const worker = workers[index] as Worker;
      const out: Outcome = { worker: index + 1, ms: 0, step: 'starting', logs: [] };
      outcomes.set(c, out);
      const caseDir = path.join(tmp as string, `${c.id}${flavourInfo[c.flavourName].folderSuffix}`);
      // A case past its limit is stopped (its processes get SIGTERM) and fails, and the worker moves on.
      const stop = new AbortController();
      const timer = setTimeout(() => stop.abort(), caseTimeoutMs);
      const t0 = Date.now();
      await runCase(
        c,
        exercises.find((e) => e.id === c.id),
        caseDir,
        worker,
        stop.signal,
        out,
      ).catch((e: unknown) => {
        out.error = e;
      });
      clearTimeout(timer);
      if (stop.signal.aborted) out.error = new Error(`${c.label}: stopped after ${duration(caseTimeoutMs)}, during ${out.step}`);
      out.ms = Date.now() - t0;
      await fs.rm(caseDir, { recursive: true, force: true }).catch(() => undefined);
      finished++;
      const why = out.error ? `: ${(out.error instanceof Error ? out.error.message : String(out.error)).split('\n')[0]}` : '';
      console.log(
        `      [${String(finished).padStart(String(cases.length).length)}/${cases.length}] ${out.error ? '✘' : '✔'} ${c.label} ${duration(out.ms)} (worker ${index + 1}, ${duration(Date.now() - started)} in)${why ? ` failed at ${out.step}${why}` : ''}`,
      );
    });
    wallMs = Date.now() - started;
  });

  after(async () => {
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
    if (process.env.DATABASE_URL) await dropDatabases(process.env.DATABASE_URL, workerDatabases);
    if (outcomes.size === 0) return;
    console.log(`\n${matrix(cases, outcomes)}\n`);
    const sumMs = [...outcomes.values()].reduce((sum, o) => sum + o.ms, 0);
    console.log(
      `  Exercise library: ${outcomes.size} cases on ${jobs} worker${jobs === 1 ? '' : 's'} in ${duration(wallMs)} wall time; the cases' own times add up to ${duration(sumMs)}` +
        `${wallMs > 0 ? ` (on average ${(sumMs / wallMs).toFixed(1)} running at once)` : ''}.\n`,
    );
    console.log(
      markdownTable(
        ['exercise', 'starter check', 'solution check', 'check with install', 'check, deps cached', 'case', 'engine / notes'],
        cases.flatMap((c) => {
          const o = outcomes.get(c);
          if (!o) return [];
          const s = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : `${n.toFixed(1)} s`);
          const r = o.row;
          return [
            [
              c.label,
              r?.starter ?? (o.starter ? `${o.starter}` : '—'),
              r?.solution ?? (o.solution ? `${o.solution}` : '—'),
              s(o.installS),
              s(o.cachedS),
              duration(o.ms),
              r?.note ?? `FAILED at ${o.step}`,
            ],
          ];
        }),
      ),
    );
  });

  it('has at least 12 exercises', () => {
    assert.ok(exercises.length >= 12, `${exercises.length} exercises`);
  });

  it('ships at least 4 known-wrong variants for every exercise', () => {
    const counts = exercises.map((e) => [e.id, variantsIn(path.join(exercisesRoot, e.id, 'wrong')).length] as const);
    assert.deepEqual(
      counts.filter(([, n]) => n < 4),
      [],
    );
    console.log(`      ${counts.reduce((sum, [, n]) => sum + n, 0)} known-wrong variants in ${counts.length} exercises`);
  });

  it('ships at least 5 seeded bugs, each with a hint, in every flavour of an exercise graded by them', async () => {
    const graded = exercises.filter((e) => e.grading === 'mutants');
    for (const e of graded) {
      const { mutants } = await readMutantsFile(e.dir);
      assert.ok(mutants.length >= 5, `${e.id} has ${mutants.length} seeded bugs`);
      // loadExercise has checked each flavour's folders; this says so where it counts.
      for (const flavour of e.flavours) assert.ok(existsSync(mutantsDir(e, flavour)), `${e.id}: ${flavour} has its seeded bugs`);
    }
    console.log(`      ${graded.length} exercises graded by seeded bugs: ${graded.map((e) => e.id).join(', ') || '—'}`);
  });

  it('offers TypeScript in every exercise that comes in Python or Go', () => {
    const behind = exercises.filter(
      (e) => (e.flavours.includes('python') || e.flavours.includes('go')) && !e.flavours.includes('typescript'),
    );
    assert.deepEqual(
      behind.map((e) => e.id),
      [],
    );
    console.log(`      TypeScript: ${exercises.filter((e) => e.flavours.includes('typescript')).length} of ${exercises.length} exercises`);
  });

  for (const c of cases) {
    it(caseTitle(c), () => {
      const out = outcomes.get(c);
      assert.ok(out, `${c.label} did not run (see the hook's failure above)`);
      for (const line of out.logs) console.log(line);
      if (out.error) throw out.error;
    });
  }
});

/**
 * The exercise × flavour matrix: per cell, whether the case held (the starter fails, the solution
 * passes, and what else runs there) and how long it took; per exercise, the wrong/ variants rejected
 * and the right/ alternatives passed, over the flavour they were laid on.
 */
function matrix(cases: readonly Case[], outcomes: ReadonlyMap<Case, Outcome>): string {
  const flavourOrder: Flavour[] = ['javascript', 'typescript', 'python', 'go'];
  const used = flavourOrder.filter((f) => cases.some((c) => c.flavourName === f));
  const ids = [...new Set(cases.map((c) => c.id))];
  const totals = new Map<Flavour, { ok: number; all: number }>();
  let wrongRejected = 0;
  let wrongTotal = 0;
  let rightPassed = 0;
  let rightTotal = 0;
  const rows = ids.map((id) => {
    const mine = cases.filter((c) => c.id === id);
    const cells = used.map((f) => {
      const c = mine.find((x) => x.flavourName === f);
      const o = c && outcomes.get(c);
      if (!c) return '—';
      const total = totals.get(f) ?? { ok: 0, all: 0 };
      totals.set(f, { ok: total.ok + (o && !o.error ? 1 : 0), all: total.all + 1 });
      if (!o) return 'not run';
      return o.error ? `✘ ${o.step}, ${duration(o.ms)}` : `✔ ${duration(o.ms)}`;
    });
    const primary = mine.find((c) => c.primary);
    const o = primary && outcomes.get(primary);
    const over = primary ? flavourInfo[primary.flavourName].label : '';
    let wrong = '—';
    if (o?.wrong) {
      wrongRejected += o.wrong.rejected;
      wrongTotal += o.wrong.total;
      const how = o.wrong.bySpecAlone === undefined ? 'by the tests' : `${o.wrong.bySpecAlone} by the spec alone`;
      wrong = `${o.wrong.rejected}/${o.wrong.total} (${over}; ${how})`;
    }
    let right = '—';
    if (o?.right) {
      rightPassed += o.right.passed;
      rightTotal += o.right.total;
      right = `${o.right.passed}/${o.right.total} (${over})`;
    }
    return [id, ...cells, wrong, right];
  });
  const all = [
    `**${ids.length} exercises**`,
    ...used.map((f) => {
      const t = totals.get(f) ?? { ok: 0, all: 0 };
      return `**${t.ok}/${t.all}**`;
    }),
    `**${wrongRejected}/${wrongTotal}**`,
    `**${rightPassed}/${rightTotal}**`,
  ];
  return [
    markdownTable(
      ['exercise', ...used.map((f) => flavourInfo[f].label), 'wrong variants rejected', 'right alternatives pass'],
      [...rows, all],
    ),
    '',
    '  ✔: the starter fails its check and the reference solution passes (a TypeScript solution also typechecks; over the',
    '  default flavour every wrong/ variant is rejected and every right/ alternative passes), with the time the case took;',
    '  ✘: where it failed. The cases ran side by side, so their times add up to more than the wall time.',
  ].join('\n');
}
