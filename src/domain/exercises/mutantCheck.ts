// The check of an exercise graded by seeded bugs: the learner's tests must pass against the code the
// scaffold gave them, and fail against each deliberately broken version of it. Each broken version
// runs in a copy of the learner's folder (dependencies linked, not copied) with the bug laid over it,
// through the same runner and runCheck as any other check.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { copyFolderInside, readFileInside, writeFileInside } from '../shared/safeFs';
import type { MutantGrading, SeededBug } from './mutants';
import { CheckError, runCheck } from './runner';
import type { CheckOptions, CheckResult, ExerciseRunner, TestResult } from './runner';

/** The suite the seeded bugs' rows are listed under, after the learner's own tests. */
export const seededBugsSuite = 'Seeded bugs';
/** The suite of what is wrong with the learner's tests before any bug is tried. */
export const ownTestsSuite = 'Your tests';

export interface MutantCheckOptions extends CheckOptions {
  /** Seeded bugs tried at once; by default one per spare core, at most 4. */
  concurrency?: number;
}

/** A file the learner may have changed is read up to this size (the code under test is small). */
const maxReferenceBytes = 1024 * 1024;

/**
 * Runs the learner's tests in `dir` as they are, then, if they pass against the scaffolded code, once
 * per seeded bug. Passes only when every bug makes them fail; each bug is a result row ("catches: …"),
 * and a bug that got through carries its hint.
 */
export async function checkWithMutants(
  runner: ExerciseRunner,
  dir: string,
  grading: MutantGrading,
  options: MutantCheckOptions = {},
): Promise<CheckResult> {
  const started = Date.now();
  const own = await runCheck(runner, dir, options);
  const results: TestResult[] = [...own.results];
  const ran = results.filter((r) => r.status === 'passed' || r.status === 'failed');
  const done = (outcome: CheckResult['outcome'], note: string, extra: Partial<CheckResult> = {}): CheckResult => ({
    ...own,
    outcome,
    results,
    summary: `${counts(results)}; ${note}`,
    durationMs: Date.now() - started,
    ...extra,
  });
  if (own.outcome === 'cancelled' || own.outcome === 'timedOut') return own;
  // An install that failed or a run that crashed before any test: its own summary says what happened.
  if (ran.length === 0 && own.exitCode !== 0) return own;
  if (ran.length === 0) {
    results.push({
      name: 'at least one test runs',
      suite: [ownTestsSuite],
      status: 'failed',
      error: `No test ran. Write your tests in the test files (${runner.manualCommand} runs them): each seeded bug is tried only once you have some.`,
    });
    return done('failed', 'no tests yet');
  }
  const changed = await changedFiles(dir, grading);
  if (changed.length > 0) {
    for (const file of changed) {
      results.push({
        name: `${file} is the code the scaffold gave you`,
        suite: [ownTestsSuite],
        status: 'failed',
        error: `${file} differs from the scaffolded version. Your tests are what this exercise checks, against the code as it was given: put ${file} back (scaffold the exercise into another folder to get a fresh copy).`,
      });
    }
    return done('failed', 'the code under test was changed, so no seeded bug was tried');
  }
  if (own.outcome !== 'passed') return done('failed', 'your tests must pass against the correct code before any seeded bug is tried');

  const total = grading.bugs.length;
  const message = `Running your tests against ${total} seeded bug${total === 1 ? '' : 's'}`;
  options.onPhase?.('test', message);
  options.onOutput?.(`\n== ${message}\n`);
  const testMs = own.durationMs - (own.installMs ?? 0);
  // A hang counts as caught, so it need not wait the whole limit: ten times the correct run, 30 s at least.
  const timeoutMs = Math.min(options.timeoutMs ?? 120_000, Math.max(30_000, testMs * 10));
  const concurrency = options.concurrency ?? Math.max(1, Math.min(4, os.availableParallelism() - 1));
  const verdicts: (Verdict | undefined)[] = [];
  let printed = 0;
  const print = () => {
    // In the bugs' order, whichever of them finishes first.
    for (let v = verdicts[printed]; v !== undefined; v = verdicts[++printed]) {
      if (v === 'cancelled') continue;
      const bug = grading.bugs[printed];
      if (!bug) continue;
      const hint = !v.caught && options.printFirstHint ? `\n    Hint: ${bug.hint}` : '';
      options.onOutput?.(`${v.caught ? '✔ caught' : '✘ not caught'}: ${bug.bug}${hint}\n`);
    }
  };
  await pool(grading.bugs, concurrency, async (bug, i) => {
    if (options.signal?.aborted) verdicts[i] = 'cancelled';
    else verdicts[i] = await tryBug(runner, dir, bug, { signal: options.signal, env: options.env, timeoutMs });
    print();
  });
  if (options.signal?.aborted || verdicts.includes('cancelled')) {
    return { ...done('cancelled', 'cancelled'), summary: `cancelled (${counts(results)})` };
  }
  let caught = 0;
  for (const [i, bug] of grading.bugs.entries()) {
    const v = verdicts[i];
    if (v === undefined || v === 'cancelled') continue;
    if (v.caught) caught++;
    results.push({
      name: `catches: ${bug.bug}`,
      suite: [seededBugsSuite],
      status: v.caught ? 'passed' : 'failed',
      durationMs: v.durationMs,
      ...(v.caught
        ? {}
        : {
            error: `All your tests pass on a copy of the code with this bug, so they would let it through. Add a test that fails on it (and still passes on the code you were given).${v.note ? `\n${v.note}` : ''}`,
            hints: [{ id: bug.id, text: bug.hint }],
          }),
    });
  }
  return done(caught === total ? 'passed' : 'failed', `your tests caught ${caught} of ${total} seeded bugs`, {
    seededBugs: { caught, total },
  });
}

type Verdict = { caught: boolean; durationMs: number; note?: string } | 'cancelled';

/** The learner's tests on a copy of their folder with `bug` laid over it. */
async function tryBug(
  runner: ExerciseRunner,
  dir: string,
  bug: SeededBug,
  options: Pick<CheckOptions, 'signal' | 'env' | 'timeoutMs'>,
): Promise<Verdict> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'backend-roadmap-mutant-'));
  try {
    const deps = runner.dependencyFolder;
    await copyFolderInside(dir, work, { skip: ['.git', ...(deps ? [deps] : [])] }).catch((e: unknown) => {
      throw new CheckError(`Your folder could not be copied to try the seeded bugs in: ${e instanceof Error ? e.message : String(e)}`);
    });
    if (deps) {
      // The learner's own install, which the first run made sure of (itself a link in a copy made for a check).
      const installed = await fs.realpath(path.join(dir, deps)).catch(() => undefined);
      const isDir = installed !== undefined && (await fs.stat(installed)).isDirectory();
      if (installed && isDir) await fs.symlink(installed, path.join(work, deps), process.platform === 'win32' ? 'junction' : 'dir');
    }
    for (const f of bug.files) await writeFileInside(work, path.join(work, ...f.path.split('/')), f.content);
    const run = await runCheck(runner, work, options);
    if (run.outcome === 'cancelled') return 'cancelled';
    // Failing tests (or tests that never finish) are what catching a bug looks like.
    const caught = run.outcome === 'timedOut' || run.results.some((r) => r.status === 'failed');
    const note =
      !caught && run.outcome === 'failed' ? `(The run with this bug did not pass either, but no test failed: ${run.summary}.)` : undefined;
    return { caught, durationMs: run.durationMs, ...(note ? { note } : {}) };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** The files seeded bugs replace that differ in `dir` from the scaffolded version (whitespace aside: a formatter may have run). */
async function changedFiles(dir: string, grading: MutantGrading): Promise<string[]> {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  const changed: string[] = [];
  for (const ref of grading.reference) {
    const mine = await readFileInside(dir, path.join(dir, ...ref.path.split('/')), { maxBytes: maxReferenceBytes }).catch(() => undefined);
    if (mine === undefined || squeeze(mine) !== squeeze(ref.content)) changed.push(ref.path);
  }
  return changed;
}

function counts(results: readonly TestResult[]): string {
  const count = (s: TestResult['status']) => results.filter((r) => r.status === s).length;
  const parts = [`${count('passed')} passed`, `${count('failed')} failed`];
  if (count('skipped') + count('todo') > 0) parts.push(`${count('skipped') + count('todo')} skipped`);
  return parts.join(', ');
}

/** Runs `work` on every item, at most `limit` at a time; the first error stops new work and is thrown once the running ones end. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const i = next++;
      try {
        await work(items[i] as T, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
