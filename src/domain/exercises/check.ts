// Which exercise a folder holds and which runner checks it: its marker file, else the mark a 0.1
// scaffold left in a runner's own files, else (a folder made by hand, checked from the CLI) the one
// runner that recognises its files.
import { isPlainFile } from '../shared/safeFs';
import * as path from 'node:path';
import type { Flavour } from './flavours';
import { markerExists, markerFileName, readMarker } from './marker';
import { CheckError, runCheck } from './runner';
import type { CheckOptions, CheckResult, ExerciseRunner } from './runner';
import type { Spec } from './spec/schema';
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

/** Checks the exercise in `dir` with the runner its marker names (or the one that recognises it). */
export async function checkExercise(
  dir: string,
  options: CheckOptions & { expected?: string; specOf?: (exerciseId: string) => Promise<Spec | undefined> } = {},
): Promise<CheckResult> {
  const { expected, specOf, ...rest } = options;
  const { runner, exercise } = await resolveExerciseFolder(dir, expected);
  // The behavioural spec of the exercise the folder records, for runners that judge the running program.
  const spec = rest.spec ?? (exercise !== undefined && specOf ? await specOf(exercise) : undefined);
  return runCheck(runner, dir, { ...rest, ...(spec ? { spec } : {}) });
}
