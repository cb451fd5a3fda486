// Reading and checking exercise manifests: the build, the tests and `npm run build`'s index use it;
// the extension reads manifests from the compiled index, so it never builds this schema.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod/mini';
import { slugSchema } from '../roadmap/slug';
import { flavourInfo, flavours, isFlavour } from './flavours';
import type { Flavour } from './flavours';
import { flavourDirs } from './manifest';
import type { Exercise } from './manifest';
import { gradings, mutantsFileName, mutantsProblem } from './mutants';
import { isRunnerId, runnerIds } from './runners';
import { milestoneListSchema, milestonesProblem } from './milestones';
import { readSpec } from './spec/load';
import type { Spec } from './spec/schema';
import type { RunnerId } from './runners';

// Descriptions and examples are for editors (the JSON Schema of ../authoring/jsonSchemas.ts); the
// lists come from the runner and flavour tables so they cannot drift.
const text = () => z.string().check(z.minLength(1));

export const exerciseManifestSchema = z.strictObject({
  id: slugSchema.check(z.describe('The exercise id, a lowercase slug; must match its folder name.')),
  title: text().check(z.describe('The exercise name, as offered to the learner.')),
  topic: slugSchema.check(z.describe('The id of the topic it practises; names the scaffold folder and picks where it is offered.')),
  description: text().check(z.describe('What the learner builds, in a sentence or two.')),
  languages: z.array(text()).check(z.minLength(1), z.describe('Editor language ids in which a code action offers this exercise.')),
  open: z.array(text()).check(z.minLength(1), z.describe('Files opened after scaffolding, relative to the exercise folder.')),
  imports: z.optional(
    z
      .array(text())
      .check(
        z.describe('Packages (npm names, Python modules, Go import paths) whose import in an open file makes the lightbulb offer it.'),
      ),
  ),
  services: z.optional(z.array(z.enum(['postgres', 'redis'])).check(z.describe('Real servers its tests need.'))),
  runner: text().check(
    z.meta({
      description: `The runner of the default (first) flavour: one of ${runnerIds.join(', ')}. Every flavour is checked by its own runner.`,
      examples: [...runnerIds],
    }),
  ),
  openFor: z.optional(
    z
      .record(z.string(), z.array(text()).check(z.minLength(1)))
      .check(z.describe("Files to open for a flavour whose files are not the default's renamed (a Python or Go layout), by flavour.")),
  ),
  grading: z.optional(
    z
      .enum(gradings)
      .check(
        z.describe(
          `How the check decides: "tests" (the default) runs the exercise's tests (and spec) on the learner's code; "mutants" runs the learner's tests against the given code and against seeded bugs (${mutantsFileName} and mutants<suffix>/<id>/), and passes when they catch every one.`,
        ),
      ),
  ),
  milestones: z.optional(milestoneListSchema),
  flavours: z
    .array(z.string().check(z.meta({ examples: [...flavours] })))
    .check(
      z.minLength(1),
      z.describe(`The languages it comes in, the default first (${flavours.join(', ')}); each has its template and solution folders.`),
    ),
});

export type ExerciseManifest = z.infer<typeof exerciseManifestSchema>;

/** A manifest that does not load: the file, and what is wrong with it. */
export class ManifestError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    options?: ErrorOptions,
  ) {
    super(`${file}: ${problem}`, options);
  }
}

/** Reads every `<root>/<id>/exercise.json`; a bad manifest is an error, not a silent skip. */
export async function loadExercises(root: string, only: (folderName: string) => boolean = () => true): Promise<Exercise[]> {
  const exercises: Exercise[] = [];
  for (const name of (await exerciseFolderNames(root)).filter(only)) exercises.push(await loadExercise(path.join(root, name)));
  return exercises;
}

/** One exercise folder's outcome: loaded, or the ManifestError that says why not. */
export type LoadedExercise = { id: string; exercise: Exercise } | { id: string; error: ManifestError };

/**
 * Every `<root>/<id>/exercise.json`, each on its own: a bad manifest is reported (with its file) and the
 * others still load, for authoring checks that must name every broken exercise, not just the first.
 */
export async function loadExercisesEach(root: string): Promise<LoadedExercise[]> {
  const out: LoadedExercise[] = [];
  for (const name of await exerciseFolderNames(root)) {
    try {
      out.push({ id: name, exercise: await loadExercise(path.join(root, name)) });
    } catch (e) {
      if (!(e instanceof ManifestError)) throw e;
      out.push({ id: name, error: e });
    }
  }
  return out;
}

/** The exercise folders under `root` (every folder is one), in name order. */
async function exerciseFolderNames(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
}

/** Reads and checks `<dir>/exercise.json`; any problem is a ManifestError naming the file. */
export async function loadExercise(dir: string): Promise<Exercise> {
  const manifestPath = path.join(dir, 'exercise.json');
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(manifestPath, 'utf8'));
  } catch (e) {
    throw new ManifestError(manifestPath, e instanceof Error ? e.message : String(e), { cause: e });
  }
  const parsed = exerciseManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new ManifestError(manifestPath, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const manifest = parsed.data;
  const problem =
    manifestProblem(manifest, path.basename(dir)) ??
    (await folderProblem(dir, manifest.flavours as Flavour[])) ??
    (await mutantsProblem(dir, manifest.grading ?? 'tests', manifest.flavours as Flavour[])) ??
    (await projectProblem(dir, manifest));
  if (problem) throw new ManifestError(manifestPath, problem);
  return {
    ...manifest,
    imports: manifest.imports ?? [],
    services: manifest.services ?? [],
    runner: manifest.runner as RunnerId,
    flavours: manifest.flavours as Flavour[],
    dir,
  };
}

/** What is wrong with a manifest that parsed: its id, runner or flavours. */
function manifestProblem(manifest: ExerciseManifest, folderName: string): string | undefined {
  if (manifest.id !== folderName) return `id "${manifest.id}" must match its folder name "${folderName}"`;
  if (!isRunnerId(manifest.runner)) return `runner "${manifest.runner}" is not known (known: ${runnerIds.join(', ')})`;
  const seen = new Set<string>();
  for (const flavour of manifest.flavours) {
    if (!isFlavour(flavour)) return `flavour "${flavour}" is not known (known: ${flavours.join(', ')})`;
    if (seen.has(flavour)) return `flavour "${flavour}" is listed twice`;
    seen.add(flavour);
    if (flavour === manifest.flavours[0] && flavourInfo[flavour].runner !== manifest.runner) {
      return `the default flavour "${flavour}" is checked by the ${flavourInfo[flavour].runner} runner, not ${manifest.runner}`;
    }
  }
  for (const key of Object.keys(manifest.openFor ?? {})) {
    if (!manifest.flavours.includes(key)) return `openFor names "${key}", which "flavours" does not list`;
  }
  return undefined;
}

/** A project's milestones fit its spec; a spec naming milestones belongs to a project. */
async function projectProblem(dir: string, manifest: ExerciseManifest): Promise<string | undefined> {
  let spec: Spec | undefined;
  try {
    spec = await readSpec(dir);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  if (!manifest.milestones) {
    const named = spec?.scenarios.find((s) => s.milestone !== undefined);
    return named ? `spec.json: scenario "${named.name}" names a milestone, and exercise.json has no "milestones"` : undefined;
  }
  if (manifest.grading === 'mutants') return 'a project (with "milestones") is graded by its spec, not by seeded bugs';
  return milestonesProblem(manifest.milestones, spec);
}

/** Every listed flavour has both its folders, and no flavour's folders sit there unlisted (and so never tested). */
async function folderProblem(dir: string, listed: readonly Flavour[]): Promise<string | undefined> {
  const found = await Promise.all(
    flavours.map(async (flavour) => {
      const folders = Object.values(flavourDirs({ dir }, flavour));
      const present = await Promise.all(folders.map(isDir));
      const named = (want: boolean) => folders.filter((_, i) => present[i] === want).map((f) => `${path.basename(f)}/`);
      return { flavour, there: named(true), missing: named(false) };
    }),
  );
  for (const { flavour, there, missing } of found) {
    if (listed.includes(flavour) && missing.length > 0)
      return `flavour "${flavour}" needs ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} missing`;
    if (!listed.includes(flavour) && there.length > 0)
      return `${there.join(' and ')} ${there.length > 1 ? 'hold' : 'holds'} the ${flavour} flavour, which "flavours" does not list`;
  }
  return undefined;
}

function isDir(p: string): Promise<boolean> {
  return fs.stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
