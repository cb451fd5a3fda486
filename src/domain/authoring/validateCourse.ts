// `backend-roadmap validate`: every problem of a course folder (roadmaps, exercise manifests, specs)
// as file:line:col, the same rules the editor shows while typing.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Roadmap } from '../roadmap/schema';
import type { Problem } from '../shared/problems';
import { listFilesInside, readFileInside } from '../shared/safeFs';
import { authoringExercisesDir, isRoadmapFileName, maxRoadmapBytes } from './courseFolder';
import { loadCourseExercises } from './courseExercises';
import { validateAuthoringFiles } from './workspaceRoadmaps';

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
  const files = await Promise.all(
    names.map(async (name) => {
      const file = path.join(folder, name);
      const text = await readFileInside(folder, file, { maxBytes: maxRoadmapBytes + 1 });
      return { file, text };
    }),
  );
  const results = validateAuthoringFiles(
    files.filter((f) => Buffer.byteLength(f.text) <= maxRoadmapBytes),
    {
      bundled,
      exerciseIds: new Set([...bundledExerciseIds, ...exercises.map((e) => e.id)]),
      exerciseHint: ` (no folder ${authoringExercisesDir}/<id>/ and no bundled exercise)`,
    },
  );
  for (const f of files)
    if (Buffer.byteLength(f.text) > maxRoadmapBytes)
      problems.push({ file: f.file, line: 1, col: 1, message: `larger than ${maxRoadmapBytes / 1024 / 1024} MB; not read` });
  for (const r of results) problems.push(...r.problems);
  return {
    roadmapFiles: files.map((f) => f.file),
    roadmaps: results.flatMap((r) => (r.roadmap ? [r.roadmap.id] : [])),
    exercises: exercises.map((e) => e.id),
    problems,
  };
}
