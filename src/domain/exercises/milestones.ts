// Projects: an exercise built in milestones, one scaffold growing through them. Each spec scenario
// names its milestone; the whole spec runs on every check, so a later milestone's work that breaks an
// earlier one's behaviour is a failure (a regression), not a silent pass.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod/mini';
import { slugSchema } from '../roadmap/slug';
import type { CheckResult, TestResult } from './runner';
import type { Spec } from './spec/schema';

const text = () => z.string().check(z.minLength(1));

/** exercise.json's "milestones": defined here so the CLI's reader and the manifest loader agree. */
export const milestoneListSchema = z
  .array(
    z.strictObject({
      id: slugSchema.check(z.describe('Unique in the project; spec.json scenarios name it in "milestone".')),
      title: text().check(z.describe('What the milestone adds, in a few words.')),
      topics: z.array(slugSchema).check(z.minLength(1), z.describe('Ids of the topics it practises; each must exist in a roadmap.')),
      summary: text().check(z.describe('What the learner builds in it, in a sentence.')),
    }),
  )
  .check(
    z.minLength(2),
    z.describe(
      'Makes the exercise a project: one scaffold grown milestone by milestone, in this order. Every check runs the spec of every milestone, so earlier ones keep passing.',
    ),
  );

export interface Milestone {
  id: string;
  title: string;
  /** Topic ids it practises. */
  topics: string[];
  summary: string;
}

export type MilestoneStatus = 'passed' | 'failed' | 'notReached';

/** What a project's check found, milestone by milestone. */
export interface MilestoneProgress {
  total: number;
  /** Ids of the milestones that pass in order from the first: the learner's progress. */
  passed: string[];
  /** The milestone to work on: the first that fails (undefined when all pass). */
  current?: { index: number; id: string; title: string };
  /** Milestones that fail while a later one passes: behaviour that worked and broke. */
  regressed: { index: number; id: string; title: string }[];
  each: { id: string; title: string; status: MilestoneStatus }[];
}

/** The suite a milestone's scenarios are listed under: "Milestone 2: Validate input". */
export function milestoneSuite(index: number, title: string): string {
  return `Milestone ${index + 1}: ${title}`;
}

/**
 * Reads a full spec run milestone by milestone. A milestone passes when every one of its scenarios
 * passed. Scenarios of milestones after the one to work on are left out of the results (not reached
 * yet; their failures would only be noise), and the rest are listed under their milestone.
 */
export function gradeMilestones(
  result: CheckResult,
  spec: Spec,
  milestones: readonly Milestone[],
): CheckResult & { milestones: MilestoneProgress } {
  const milestoneOf = new Map(spec.scenarios.map((s) => [s.name, s.milestone]));
  const specResults = (r: TestResult) => milestoneOf.has(r.name);
  const passedEach = milestones.map((m) => {
    const own = result.results.filter((r) => specResults(r) && milestoneOf.get(r.name) === m.id);
    const expected = spec.scenarios.filter((s) => s.milestone === m.id).length;
    return own.length === expected && expected > 0 && own.every((r) => r.status === 'passed');
  });
  const firstFailing = passedEach.indexOf(false);
  const lastPassing = passedEach.lastIndexOf(true);
  const passed = milestones.slice(0, firstFailing === -1 ? milestones.length : firstFailing).map((m) => m.id);
  // The frontier: the milestone after the last one that passes (the learner's work in progress).
  const shownUpTo = Math.min(lastPassing + 1, milestones.length - 1);
  const regressed = milestones
    .map((m, index) => ({ index, id: m.id, title: m.title }))
    .filter(({ index }) => !passedEach[index] && index < lastPassing);
  const current =
    firstFailing === -1
      ? undefined
      : { index: firstFailing, id: milestones[firstFailing]?.id ?? '', title: milestones[firstFailing]?.title ?? '' };
  const indexOf = new Map(milestones.map((m, i) => [m.id, i]));
  const results = result.results.flatMap((r) => {
    if (!specResults(r)) return [r];
    const index = indexOf.get(milestoneOf.get(r.name) ?? '') ?? -1;
    const milestone = milestones[index];
    if (!milestone || index > shownUpTo) return [];
    return [{ ...r, suite: [...r.suite, milestoneSuite(index, milestone.title)] }];
  });
  const each = milestones.map((m, i) => ({
    id: m.id,
    title: m.title,
    status: (passedEach[i] ? 'passed' : i > shownUpTo ? 'notReached' : 'failed') as MilestoneStatus,
  }));
  const progress: MilestoneProgress = { total: milestones.length, passed, regressed, each, ...(current ? { current } : {}) };
  const finished = result.outcome === 'passed' || result.outcome === 'failed';
  return {
    ...result,
    // Every milestone passing is required, and so is the rest of the check (a runner's own tests).
    outcome: finished ? (result.outcome === 'passed' && firstFailing === -1 ? 'passed' : 'failed') : result.outcome,
    results,
    // Counts first: scripts (and the library test) read "N passed, M failed" at its start.
    summary: finished ? `${summaryOf(results, result.summary)}; ${milestoneSummary(progress)}` : result.summary,
    milestones: progress,
  };
}

/** The counts of the results shown (later milestones' scenarios left out), as runCheck words them. */
function summaryOf(results: readonly TestResult[], fallback: string): string {
  if (results.length === 0) return fallback;
  const count = (s: TestResult['status']) => results.filter((r) => r.status === s).length;
  const skipped = count('skipped') + count('todo');
  return [`${count('passed')} passed`, `${count('failed')} failed`, ...(skipped > 0 ? [`${skipped} skipped`] : [])].join(', ');
}

/** "milestone 3 of 5: Pagination; milestone 1 (Create and list) regressed", or "all 5 milestones pass". */
export function milestoneSummary(progress: MilestoneProgress): string {
  const head = progress.current
    ? `milestone ${progress.current.index + 1} of ${progress.total}: ${progress.current.title}`
    : `all ${progress.total} milestones pass`;
  const broke = progress.regressed.map((m) => `milestone ${m.index + 1} (${m.title})`);
  return broke.length > 0
    ? `${head}; regression: ${broke.join(' and ')} ${broke.length > 1 ? 'fail' : 'fails'} while a later one passes`
    : head;
}

/** What is wrong with a project's milestones and its spec's scenarios; undefined when they fit. */
export function milestonesProblem(milestones: readonly Milestone[], spec: Spec | undefined): string | undefined {
  const ids = new Set<string>();
  for (const m of milestones) {
    if (ids.has(m.id)) return `milestone id "${m.id}" is listed twice`;
    ids.add(m.id);
  }
  if (!spec) return 'a project (with "milestones") needs a spec.json whose scenarios name their milestone';
  const names = new Set<string>();
  for (const s of spec.scenarios) {
    if (names.has(s.name)) return `spec.json: scenario "${s.name}" is named twice (a project's results are matched to milestones by name)`;
    names.add(s.name);
    if (s.milestone === undefined) return `spec.json: scenario "${s.name}" names no milestone`;
    if (!ids.has(s.milestone)) return `spec.json: scenario "${s.name}" names milestone "${s.milestone}", which exercise.json does not list`;
  }
  const empty = milestones.find((m) => !spec.scenarios.some((s) => s.milestone === m.id));
  if (empty) return `milestone "${empty.id}" has no scenario in spec.json`;
  return undefined;
}

/**
 * The milestones of the exercise in `exerciseDir`, or undefined when it is not a project: how the CLI
 * finds them, as it finds specs. Only this field is read, but it is validated all the same, so a
 * hand-edited manifest fails with a message rather than a crash deep in grading.
 */
export async function readMilestones(exerciseDir: string): Promise<Milestone[] | undefined> {
  const file = path.join(exerciseDir, 'exercise.json');
  let manifest: unknown;
  try {
    manifest = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const raw = typeof manifest === 'object' && manifest !== null ? (manifest as { milestones?: unknown }).milestones : undefined;
  if (raw === undefined) return undefined;
  const parsed = milestoneListSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`${file}: "milestones" is not a list of milestones: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
