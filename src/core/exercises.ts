import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod/mini';
import { slugSchema } from './roadmapSchema';

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
});

export type ExerciseManifest = z.infer<typeof exerciseManifestSchema>;

export interface Exercise extends ExerciseManifest {
  /** Absolute folder holding the template files. */
  templateDir: string;
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
    exercises.push({ ...parsed.data, templateDir: path.join(root, entry.name, 'template') });
  }
  return exercises;
}
