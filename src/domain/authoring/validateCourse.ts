// `backend-roadmap validate`: every problem of a course folder (roadmaps, exercise manifests, specs)
// as file:line:col, the same rules the editor shows while typing.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Roadmap } from '../roadmap/schema';
import type { Problem } from '../shared/problems';
import { listFilesInside } from '../shared/safeFs';
import { authoringExercisesDir, isRoadmapFileName } from './courseFolder';
import { loadCourseExercises } from './courseExercises';
import { checkCourseFiles } from './workspaceRoadmaps';

export interface CourseReport {
  roadmapFiles: string[];
  /** Roadmap ids that loaded. */
  roadmaps: string[];
  exercises: string[];
  problems: Problem[];
}

/** Validates `<folder>/*.yaml` and `<folder>/exercises/<id>/` against the bundled roadmaps and exercises. */
export async function validateCourse(
  folder: string,
  bundled: readonly Roadmap[],
  bundledExerciseIds: ReadonlySet<string>,
): Promise<CourseReport> {
  const problems: Problem[] = [];
  const names = (await listFilesInside(folder, folder)).filter(isRoadmapFileName).sort();
  // Links are never read through; say so rather than skip them silently.
  for (const entry of await fs.readdir(folder, { withFileTypes: true }))
    if (entry.isSymbolicLink() && isRoadmapFileName(entry.name))
      problems.push({
        file: path.join(folder, entry.name),
        line: 1,
        col: 1,
        message: 'a symbolic link; not read (roadmap files must be plain files in the folder)',
      });
  const loaded = await loadCourseExercises(folder, path.join(folder, authoringExercisesDir), bundledExerciseIds);
  const { exercises } = loaded;
  problems.push(...loaded.problems);
  const results = await checkCourseFiles(
    folder,
    names.map((name) => path.join(folder, name)),
    {
      bundled,
      exerciseIds: new Set([...bundledExerciseIds, ...exercises.map((e) => e.id)]),
      exerciseHint: ` (no folder ${authoringExercisesDir}/<id>/ and no bundled exercise)`,
    },
  );
  for (const r of results) problems.push(...r.problems);
  return {
    roadmapFiles: results.map((r) => r.file),
    roadmaps: results.flatMap((r) => (r.roadmap ? [r.roadmap.id] : [])),
    exercises: exercises.map((e) => e.id),
    problems,
  };
}
