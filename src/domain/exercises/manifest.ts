import * as path from 'node:path';
import { flavourInfo, flavours } from './flavours';
import type { Flavour } from './flavours';
import { markerContent, markerFileName } from './marker';
import type { RunnerId } from './runners';
import { readTemplateFiles, renderFiles } from './scaffold';
import type { TemplateFile, TemplateVars } from './scaffold';
import type { ExerciseManifest } from './manifestLoader';

export interface Exercise extends Omit<ExerciseManifest, 'runner' | 'flavours'> {
  imports: string[];
  services: ('postgres' | 'redis')[];
  runner: RunnerId;
  /** The default (the one `open` names files in) first. */
  flavours: Flavour[];
  /** Absolute folder holding exercise.json and each flavour's template and solution folders. */
  dir: string;
}

/**
 * A flavour's folders: the starter, and the reference solution laid over it (never scaffolded by
 * default). `template/` + `solution/`, or with the flavour's suffix: `template-ts/` + `solution-ts/`.
 */
export function flavourDirs(exercise: Pick<Exercise, 'dir'>, flavour: Flavour): { template: string; solution: string } {
  const { folderSuffix } = flavourInfo[flavour];
  return { template: path.join(exercise.dir, `template${folderSuffix}`), solution: path.join(exercise.dir, `solution${folderSuffix}`) };
}

/** The files to open after scaffolding: `open` names them in the default flavour; others get their own extension. */
export function openFiles(exercise: Pick<Exercise, 'open' | 'flavours' | 'openFor'>, flavour: Flavour): string[] {
  const own = exercise.openFor?.[flavour];
  if (own) return own;
  const from = flavourInfo[exercise.flavours[0] ?? flavour].extension;
  const to = flavourInfo[flavour].extension;
  return exercise.open.map((f) => (f.endsWith(from) ? `${f.slice(0, -from.length)}${to}` : f));
}

/** The placeholders a template may use (see roadmaps/exercises/README.md). */
export function templateVars(exercise: Pick<Exercise, 'id' | 'title' | 'topic'>, topicTitle: string): TemplateVars {
  return { exerciseId: exercise.id, exerciseTitle: exercise.title, topicId: exercise.topic, topicTitle };
}

/** Starter files, or starter with the reference solution laid over it, rendered for writing; the marker file last. */
export async function exerciseFiles(
  exercise: Exercise,
  topicTitle: string,
  withSolution: boolean,
  flavour: Flavour = exercise.flavours[0] ?? flavours[0],
): Promise<TemplateFile[]> {
  if (!exercise.flavours.includes(flavour)) throw new Error(`${exercise.id} has no ${flavour} flavour`);
  const dirs = flavourDirs(exercise, flavour);
  const byPath = new Map((await readTemplateFiles(dirs.template)).map((f) => [f.path, f]));
  if (withSolution) for (const f of await readTemplateFiles(dirs.solution)) byPath.set(f.path, f);
  if (byPath.has(markerFileName)) throw new Error(`${exercise.id}: a template must not ship its own ${markerFileName}`);
  const files = renderFiles(
    [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path)),
    templateVars(exercise, topicTitle),
  );
  // Last, so a scaffold cut short does not look finished.
  return [
    ...files,
    { path: markerFileName, content: markerContent({ exercise: exercise.id, runner: flavourInfo[flavour].runner, flavour }) },
  ];
}
