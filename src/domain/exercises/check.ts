// Which exercise a folder holds and which runner checks it: its marker file, else the mark a 0.1
// scaffold left in a runner's own files, else (a folder made by hand, checked from the CLI) the one
// runner that recognises its files.
import { isPlainFile } from '../shared/safeFs';
import * as path from 'node:path';
import type { Flavour } from './flavours';
import { markerExists, markerFileName, readMarker } from './marker';
import { CheckError, runCheck } from './runner';
import type { CheckResult, ExerciseRunner } from './runner';
import { checkWithMutants } from './mutantCheck';
import type { MutantCheckOptions } from './mutantCheck';
import type { MutantGrading } from './mutants';
import type { Spec } from './spec/schema';
import { gradeMilestones } from './milestones';
import type { Milestone } from './milestones';
import { runnerById, runners } from './runners';

export interface ExerciseFolder {
  runner: ExerciseRunner;
  /** The exercise the folder records; undefined for a folder recognised only by its files. */
  exercise?: string;
  flavour?: Flavour;
  source: 'marker' | 'legacy' | 'detected';
}

/** The folder records another exercise than the one asked for; checking it must not mark that one done. */
export class ExerciseMismatchError extends CheckError {
  constructor(
    readonly folder: string,
    readonly recorded: string,
    readonly expected: string,
  ) {
    super(`${folder} holds the "${recorded}" exercise, not "${expected}"; not checking it.`);
  }
}

const allRunners = (): ExerciseRunner[] => Object.values(runners);

/** The exercise id scaffolds before marker files recorded, from whichever runner kept one. */
async function legacyMark(dir: string): Promise<{ runner: ExerciseRunner; exercise: string } | undefined> {
  for (const runner of allRunners()) {
    const exercise = await runner.legacyExerciseId?.(dir);
    if (exercise !== undefined) return { runner, exercise };
  }
  return undefined;
}

/**
 * True when the folder holds a scaffolded exercise: a marker file, or (as 0.1 decided it) a runner's
 * project file such as package.json. Only existence is checked: nothing is read, so it is safe in
 * Restricted Mode; the check itself says what is wrong with the folder.
 */
export async function isScaffoldedFolder(dir: string): Promise<boolean> {
  if (await markerExists(dir)) return true;
  const files = allRunners().flatMap((r) => r.projectFiles);
  const found = await Promise.all(files.map((f) => isPlainFile(path.join(dir, f))));
  return found.includes(true);
}

/**
 * What `dir` holds and which runner checks it. With `expected`, a folder recording another exercise is
 * refused (ExerciseMismatchError). A bad marker, an unknown runner, or a folder no runner recognises
 * is a CheckError that says so.
 */
export async function resolveExerciseFolder(dir: string, expected?: string): Promise<ExerciseFolder> {
  const found = await find(dir);
  if (expected !== undefined && found.exercise !== undefined && found.exercise !== expected) {
    throw new ExerciseMismatchError(dir, found.exercise, expected);
  }
  return found;
}

async function find(dir: string): Promise<ExerciseFolder> {
  const marker = await readMarker(dir);
  if (marker) {
    const runner = runnerById(marker.runner);
    // readMarker has checked the id; this only keeps the types honest.
    if (!runner) throw new CheckError(`${dir}: unknown runner "${marker.runner}"`);
    return { runner, exercise: marker.exercise, flavour: marker.flavour, source: 'marker' };
  }
  const legacy = await legacyMark(dir);
  if (legacy) return { ...legacy, source: 'legacy' };
  const detections = await Promise.all(allRunners().map(async (runner) => ({ runner, detection: await runner.detect(dir) })));
  const fitting = detections.filter((d) => d.detection.ok);
  const [only] = fitting;
  if (fitting.length === 1 && only) return { runner: only.runner, source: 'detected' };
  if (fitting.length > 1) {
    throw new CheckError(
      `${dir} could be checked by ${fitting.map((d) => d.runner.id).join(' or ')}; a ${markerFileName} naming the runner says which.`,
    );
  }
  const why = detections.map(({ runner, detection }) => (detection.ok ? '' : `${runner.id}: ${detection.missing}`)).filter(Boolean);
  throw new CheckError(`${dir} is not an exercise folder: it has no ${markerFileName}, and no runner recognises it (${why.join('; ')}).`);
}

export interface GradeOptions extends MutantCheckOptions {
  /** The exercise is graded by seeded bugs: the learner's tests are checked against these. */
  mutants?: MutantGrading;
  /** A project: its milestones, in order; the spec's scenarios name them, and the result says which pass. */
  milestones?: readonly Milestone[];
}

/**
 * The check an exercise is graded by, the one place that decides it: its own tests (and spec) on the
 * learner's code, or, with `mutants`, the learner's tests on the given code and on each seeded bug.
 */
export async function gradeFolder(runner: ExerciseRunner, dir: string, options: GradeOptions = {}): Promise<CheckResult> {
  const { mutants, milestones, ...rest } = options;
  if (mutants) return checkWithMutants(runner, dir, mutants, rest);
  const result = await runCheck(runner, dir, rest);
  // The whole spec runs each time, so an earlier milestone that breaks again fails the check.
  return milestones && milestones.length > 0 && rest.spec ? gradeMilestones(result, rest.spec, milestones) : result;
}

export interface CheckExerciseOptions extends GradeOptions {
  expected?: string;
  specOf?: (exerciseId: string) => Promise<Spec | undefined>;
  /** The seeded bugs of the exercise the folder records, in its flavour (undefined: the exercise's default); undefined when it is not graded by them. */
  mutantsOf?: (exerciseId: string, flavour: Flavour | undefined) => Promise<MutantGrading | undefined>;
  /** The milestones of the project the folder records; undefined (or empty) for an exercise that is not one. */
  milestonesOf?: (exerciseId: string) => Promise<readonly Milestone[] | undefined>;
}

/** Checks the exercise in `dir` with the runner its marker names (or the one that recognises it), as the exercise is graded. */
export async function checkExercise(dir: string, options: CheckExerciseOptions = {}): Promise<CheckResult> {
  const { expected, specOf, mutantsOf, milestonesOf, ...rest } = options;
  const { runner, exercise, flavour } = await resolveExerciseFolder(dir, expected);
  // The behavioural spec of the exercise the folder records, for runners that judge the running program.
  const spec = rest.spec ?? (exercise !== undefined && specOf ? await specOf(exercise) : undefined);
  const mutants = rest.mutants ?? (exercise !== undefined && mutantsOf ? await mutantsOf(exercise, flavour) : undefined);
  const milestones = rest.milestones ?? (exercise !== undefined && milestonesOf ? await milestonesOf(exercise) : undefined);
  return gradeFolder(runner, dir, {
    ...rest,
    ...(spec ? { spec } : {}),
    ...(mutants ? { mutants } : {}),
    ...(milestones ? { milestones } : {}),
  });
}
