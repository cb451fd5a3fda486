// Where a course's own roadmaps and exercises live: the workspace's `.backend-roadmap/` folder, or a
// folder given directly (a course repository laid out the same way, for the CLI).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The folder's default name inside a workspace; the `backendRoadmap.authoringFolder` setting can change it. */
export const defaultAuthoringFolder = '.backend-roadmap';

/** Roadmap files are `<authoring folder>/*.yaml` (or .yml); exercises are `<authoring folder>/exercises/<id>/`. */
export const authoringExercisesDir = 'exercises';

/** A pause in typing this long re-validates the open file (the editor and the bench share it). */
export const typingDebounceMs = 150;

export function isRoadmapFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/**
 * The authoring folder for a path given on the command line: `<dir>/.backend-roadmap` when that is a
 * folder, else `<dir>` itself.
 */
export async function resolveAuthoringFolder(dir: string): Promise<string> {
  const inner = path.join(dir, defaultAuthoringFolder);
  const stat = await fs.lstat(inner).catch(() => undefined);
  return stat?.isDirectory() ? inner : path.resolve(dir);
}

/** What a workspace exercise folder may hold before it is read (templates, solutions, variants). */
export const exerciseTreeLimits = { maxFileBytes: 2 * 1024 * 1024, maxEntries: 5000 } as const;

/** A roadmap file bigger than this is not read (a 5,000-topic roadmap is about 3 MB). */
export const maxRoadmapBytes = 16 * 1024 * 1024;
