import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod/mini';
import { slugSchema } from '../roadmap/schema';
import { readTemplateFiles, renderFiles } from './scaffold';
import type { TemplateFile } from './scaffold';

export const exerciseManifestSchema = z.strictObject({
  id: slugSchema,
  title: z.string().check(z.minLength(1)),
  /** The topic this exercise practises; used to name the scaffold folder and pick offers. */
  topic: slugSchema,
  description: z.string().check(z.minLength(1)),
  /** Editor language ids in which a code action offers this exercise. */
  languages: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  /** Files opened after scaffolding, relative to the exercise folder. */
  open: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  /** npm modules whose import in an open file makes the lightbulb suggest this exercise. */
  imports: z.optional(z.array(z.string().check(z.minLength(1)))),
  /** Real servers the tests need. */
  services: z.optional(z.array(z.enum(['postgres', 'redis']))),
});

export type ExerciseManifest = z.infer<typeof exerciseManifestSchema>;

export interface Exercise extends ExerciseManifest {
  imports: string[];
  services: Array<'postgres' | 'redis'>;
  /** Absolute folder holding the starter files. */
  templateDir: string;
  /** Absolute folder holding the reference solution, laid over the starter; never scaffolded by default. */
  solutionDir: string;
  /** JavaScript always; TypeScript where `template-ts/` and `solution-ts/` exist. */
  flavours: Flavour[];
}

export const flavours = ['javascript', 'typescript'] as const;
export type Flavour = (typeof flavours)[number];

/** The folders of a flavour: `template/` + `solution/`, or `template-ts/` + `solution-ts/`. */
function flavourDirs(exercise: Exercise, flavour: Flavour): { template: string; solution: string } {
  if (flavour === 'javascript') return { template: exercise.templateDir, solution: exercise.solutionDir };
  return { template: `${exercise.templateDir}-ts`, solution: `${exercise.solutionDir}-ts` };
}

/** Starter files, or starter with the reference solution laid over it, rendered for writing. */
export async function exerciseFiles(exercise: Exercise, topicTitle: string, withSolution: boolean, flavour: Flavour = 'javascript'): Promise<TemplateFile[]> {
  if (!exercise.flavours.includes(flavour)) throw new Error(`${exercise.id} has no ${flavour} flavour`);
  const dirs = flavourDirs(exercise, flavour);
  const byPath = new Map((await readTemplateFiles(dirs.template)).map((f) => [f.path, f]));
  if (withSolution) for (const f of await readTemplateFiles(dirs.solution)) byPath.set(f.path, f);
  const vars = { exerciseId: exercise.id, exerciseTitle: exercise.title, topicId: exercise.topic, topicTitle };
  return renderFiles([...byPath.values()].sort((a, b) => a.path.localeCompare(b.path)), vars).map((f) =>
    f.path === 'package.json' ? { ...f, content: markPackageJson(f.content, exercise.id) } : f,
  );
}

/** Records the exercise id in package.json, so a check knows which exercise a folder holds wherever it moved. */
function markPackageJson(content: string, id: string): string {
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(content) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`${id}/package.json: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return `${JSON.stringify({ ...pkg, backendRoadmap: { exercise: id } }, null, 2)}\n`;
}

/** Reads every `<root>/<id>/exercise.json`; a bad manifest is an error, not a silent skip. */
export async function loadExercises(root: string): Promise<Exercise[]> {
  const entries = await fs.readdir(root, { withFileTypes: true });
  const exercises: Exercise[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const manifestPath = path.join(root, entry.name, 'exercise.json');
    const parsed = exerciseManifestSchema.safeParse(JSON.parse(await fs.readFile(manifestPath, 'utf8')));
    if (!parsed.success) {
      throw new Error(`${manifestPath}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    if (parsed.data.id !== entry.name) {
      throw new Error(`${manifestPath}: id "${parsed.data.id}" must match its folder name "${entry.name}"`);
    }
    exercises.push({
      ...parsed.data,
      imports: parsed.data.imports ?? [],
      services: parsed.data.services ?? [],
      templateDir: path.join(root, entry.name, 'template'),
      solutionDir: path.join(root, entry.name, 'solution'),
      flavours: (await isDir(path.join(root, entry.name, 'template-ts'))) ? ['javascript', 'typescript'] : ['javascript'],
    });
  }
  return exercises;
}

function isDir(p: string): Promise<boolean> {
  return fs.stat(p).then((s) => s.isDirectory(), () => false);
}
