// A course's own exercises (`<authoring folder>/exercises/<id>/`), for the editor and `validate` alike:
// each folder checked for links and sizes before anything in it is read, then loaded on its own, so
// one bad exercise is a problem on its file and the others still load.
import { promises as fs } from 'node:fs';
import type { Dirent } from 'node:fs';
import * as path from 'node:path';
import { loadExercise, ManifestError } from '../exercises/manifestLoader';
import type { Exercise } from '../exercises/manifest';
import { parseSpec, specFileName } from '../exercises/spec/load';
import type { Problem } from '../shared/problems';
import { assertInside, assertTreeInside, readFileInside, UnsafePathError } from '../shared/safeFs';
import { exerciseTreeLimits } from './courseFolder';

export async function loadCourseExercises(
  /** The folder nothing may be read outside of (the workspace, or the course folder for the CLI). */
  root: string,
  exercisesDir: string,
  bundledIds: ReadonlySet<string>,
): Promise<{ exercises: Exercise[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const exercises: Exercise[] = [];
  const at = (file: string, message: string, line = 1, col = 1) => problems.push({ file, line, col, message });
  let entries: Dirent[];
  try {
    await assertInside(root, exercisesDir);
    entries = await fs.readdir(exercisesDir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { exercises, problems };
    at(exercisesDir, `exercises not loaded: ${e instanceof Error ? e.message : String(e)}`);
    return { exercises, problems };
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(exercisesDir, entry.name);
    if (entry.isSymbolicLink()) {
      at(dir, 'an exercise folder must not be a symbolic link; not read');
      continue;
    }
    if (!entry.isDirectory()) continue;
    try {
      // The loaders below read with plain fs: nothing in the folder may lead out of it.
      await assertTreeInside(root, dir, exerciseTreeLimits);
    } catch (e) {
      if (!(e instanceof UnsafePathError)) throw e;
      at(dir, `exercise not loaded: ${e.message}`);
      continue;
    }
    let exercise: Exercise;
    try {
      exercise = await loadExercise(dir);
    } catch (e) {
      if (!(e instanceof ManifestError)) throw e;
      at(e.file, e.problem);
      continue;
    }
    if (bundledIds.has(exercise.id)) {
      at(path.join(dir, 'exercise.json'), `exercise id "${exercise.id}" is a bundled exercise; pick another id`);
      continue;
    }
    const specFile = path.join(dir, specFileName);
    const spec = await readFileInside(root, specFile, { maxBytes: exerciseTreeLimits.maxFileBytes }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') at(specFile, `not read: ${e.message}`);
      return undefined;
    });
    if (spec !== undefined) {
      try {
        parseSpec(spec, specFile);
      } catch (e) {
        // parseSpec reports every problem as a `file:line:col: message` line.
        for (const line of (e instanceof Error ? e.message : String(e)).split('\n')) {
          const m = /^(.+?):(\d+):(\d+): (.*)$/.exec(line);
          if (m) at(m[1] ?? specFile, m[4] ?? line, Number(m[2]), Number(m[3]));
          else at(specFile, line);
        }
        continue;
      }
    }
    exercises.push(exercise);
  }
  return { exercises, problems };
}
