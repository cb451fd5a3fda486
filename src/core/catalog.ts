import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadExercises } from './exercises';
import type { Exercise } from './exercises';
import { loadRoadmap } from './roadmapLoader';
import type { Problem } from './problems';
import type { Roadmap } from './roadmapSchema';

export interface LoadedRoadmap {
  roadmap: Roadmap;
  file: string;
}

export interface Catalog {
  roadmaps: LoadedRoadmap[];
  exercises: Exercise[];
  /** Problems of files that were left out; the rest of the catalog still works. */
  problems: Problem[];
}

/** Loads every `*.yaml` roadmap in `roadmapsDir` and the exercises under `roadmapsDir/exercises`. */
export async function loadCatalog(roadmapsDir: string): Promise<Catalog> {
  const exercises = await loadExercises(path.join(roadmapsDir, 'exercises'));
  const knownExercises = new Set(exercises.map((e) => e.id));
  const files = (await fs.readdir(roadmapsDir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const roadmaps: LoadedRoadmap[] = [];
  const problems: Problem[] = [];
  for (const name of files) {
    const file = path.join(roadmapsDir, name);
    const result = loadRoadmap(await fs.readFile(file, 'utf8'), file, { knownExercises });
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    if (roadmaps.some((r) => r.roadmap.id === result.value.id)) {
      problems.push({ file, line: 1, col: 1, message: `roadmap id "${result.value.id}" is already used by another file` });
      continue;
    }
    roadmaps.push({ roadmap: result.value, file });
  }
  return { roadmaps, exercises, problems };
}

export function exerciseById(catalog: Catalog, id: string): Exercise | undefined {
  return catalog.exercises.find((e) => e.id === id);
}
