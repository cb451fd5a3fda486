// `backend-roadmap validate`: every problem of a course folder (roadmaps, exercise manifests, specs)
// as file:line:col, the same rules the editor shows while typing.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadExercises } from '../exercises/manifestLoader';
import type { Exercise } from '../exercises/manifest';
import { parseSpec, specFileName } from '../exercises/spec/load';
import type { Roadmap } from '../roadmap/schema';
import type { Problem } from '../shared/problems';
import { listFilesInside, readFileInside } from '../shared/safeFs';
import { authoringExercisesDir, isRoadmapFileName } from './courseFolder';
import { validateAuthoringFiles } from './workspaceRoadmaps';

export interface CourseReport {
  roadmapFiles: string[];
  /** Roadmap ids that loaded. */
  roadmaps: string[];
  exercises: string[];
  problems: Problem[];
}

const maxRoadmapBytes = 16 * 1024 * 1024;

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
  const exercises = await courseExercises(folder, bundledExerciseIds, problems);
  const files = await Promise.all(
    names.map(async (name) => {
      const file = path.join(folder, name);
      const text = await readFileInside(folder, file, { maxBytes: maxRoadmapBytes + 1 });
      return { file, text };
    }),
  );
  const results = validateAuthoringFiles(
    files.filter((f) => f.text.length <= maxRoadmapBytes),
    {
      bundled,
      exerciseIds: new Set([...bundledExerciseIds, ...exercises.map((e) => e.id)]),
      exerciseHint: ` (no folder ${authoringExercisesDir}/<id>/ and no bundled exercise)`,
    },
  );
  for (const f of files)
    if (f.text.length > maxRoadmapBytes)
      problems.push({ file: f.file, line: 1, col: 1, message: `larger than ${maxRoadmapBytes / 1024 / 1024} MB; not read` });
  for (const r of results) problems.push(...r.problems);
  return {
    roadmapFiles: files.map((f) => f.file),
    roadmaps: results.flatMap((r) => (r.roadmap ? [r.roadmap.id] : [])),
    exercises: exercises.map((e) => e.id),
    problems,
  };
}

/** The course's exercises, one folder at a time so one bad manifest does not hide the others' problems. */
async function courseExercises(folder: string, bundledIds: ReadonlySet<string>, problems: Problem[]): Promise<Exercise[]> {
  const root = path.join(folder, authoringExercisesDir);
  const entries = await fs.readdir(root, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  const out: Exercise[] = [];
  for (const entry of entries.filter((e) => e.isDirectory() || e.isSymbolicLink()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(root, entry.name);
    if (entry.isSymbolicLink()) {
      problems.push({ file: dir, line: 1, col: 1, message: 'an exercise folder must not be a symbolic link' });
      continue;
    }
    // loadExercises reads every folder under a root: give it a root holding only this one.
    const loaded = await loadOne(root, entry.name).catch((e: unknown) => {
      problems.push(asProblem(e, path.join(dir, 'exercise.json')));
      return undefined;
    });
    if (!loaded) continue;
    if (bundledIds.has(loaded.id)) {
      problems.push({
        file: path.join(dir, 'exercise.json'),
        line: 1,
        col: 1,
        message: `exercise id "${loaded.id}" is a bundled exercise; pick another id`,
      });
      continue;
    }
    try {
      const text = await fs.readFile(path.join(dir, specFileName), 'utf8');
      parseSpec(text, path.join(dir, specFileName));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        for (const line of (e instanceof Error ? e.message : String(e)).split('\n'))
          problems.push(asProblem(line, path.join(dir, specFileName)));
    }
    out.push(loaded);
  }
  return out;
}

async function loadOne(root: string, name: string): Promise<Exercise | undefined> {
  const all = await loadExercises(root, (n) => n === name);
  return all[0];
}

/** An error whose text starts with `file:line:col: ` or `file: ` becomes a located problem. */
function asProblem(e: unknown, fallbackFile: string): Problem {
  const text = e instanceof Error ? e.message : String(e);
  const located = /^(.+?):(\d+):(\d+): (.*)$/s.exec(text);
  if (located) return { file: located[1] ?? fallbackFile, line: Number(located[2]), col: Number(located[3]), message: located[4] ?? text };
  const filed = /^(\S.*?\.json): (.*)$/s.exec(text);
  return { file: filed?.[1] ?? fallbackFile, line: 1, col: 1, message: filed?.[2] ?? text };
}
