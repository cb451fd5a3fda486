// Exercises graded by seeded bugs (`"grading": "mutants"`): the learner writes the tests, and the check
// runs them against the scaffolded code and against deliberately broken versions of it ("mutants").
// This file is the data: mutants.json (a learner-facing bug and hint per mutant) and each flavour's
// mutants<suffix>/<id>/ folders, laid over the learner's folder. ./mutantCheck.ts runs them.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod/mini';
import { slugSchema } from '../roadmap/slug';
import { flavourInfo, flavours, isFlavour } from './flavours';
import type { Flavour } from './flavours';
import { flavourDirs } from './manifest';
import type { Exercise } from './manifest';
import { markerFileName } from './marker';
import { hasPlaceholders, readTemplateFiles } from './scaffold';
import type { TemplateFile } from './scaffold';

export const mutantsFileName = 'mutants.json';

/** How an exercise's check decides: its own tests (and spec) judge the learner's code, or the learner's tests are judged by seeded bugs. */
export const gradings = ['tests', 'mutants'] as const;
export type Grading = (typeof gradings)[number];

const text = () => z.string().check(z.minLength(1));

export const mutantsFileSchema = z.strictObject({
  mutants: z
    .array(
      z.strictObject({
        id: slugSchema.check(z.describe('The folder name under mutants<suffix>/ in every flavour.')),
        bug: text().check(
          z.describe('The bug, in a few words, for the learner: the result row reads "catches: <bug>". Never how the code is broken.'),
        ),
        hint: text().check(z.describe("What kind of test would catch it, offered when the learner's tests miss it. Never the code.")),
      }),
    )
    .check(z.minLength(1)),
});

export type MutantsFile = z.infer<typeof mutantsFileSchema>;

/** One seeded bug, ready to lay over a learner's folder: its files are read once, when the check starts. */
export interface SeededBug {
  id: string;
  bug: string;
  hint: string;
  files: TemplateFile[];
}

export interface MutantGrading {
  bugs: SeededBug[];
  /** The scaffolded (correct) version of every file a seeded bug replaces: the learner's tests are judged against these. */
  reference: TemplateFile[];
}

/** `<exercise>/mutants<suffix>`: the flavour's seeded bugs, one folder each. */
export function mutantsDir(exercise: Pick<Exercise, 'dir'>, flavour: Flavour): string {
  return path.join(exercise.dir, `mutants${flavourInfo[flavour].folderSuffix}`);
}

/** Reads and checks `<exerciseDir>/mutants.json`; any problem is an Error naming the file. */
export async function readMutantsFile(exerciseDir: string): Promise<MutantsFile> {
  const file = path.join(exerciseDir, mutantsFileName);
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const parsed = mutantsFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const seen = new Set<string>();
  for (const m of parsed.data.mutants) {
    if (seen.has(m.id)) throw new Error(`${file}: mutant "${m.id}" is listed twice`);
    seen.add(m.id);
  }
  return parsed.data;
}

/**
 * The seeded bugs of one flavour, with the reference copies of the files they replace. The exercise
 * is trusted to have loaded (loadExercise checked its folders with mutantsProblem).
 */
export async function loadMutantGrading(exercise: Pick<Exercise, 'dir'>, flavour: Flavour): Promise<MutantGrading> {
  const { mutants } = await readMutantsFile(exercise.dir);
  const base = mutantsDir(exercise, flavour);
  const bugs = await Promise.all(mutants.map(async (m) => ({ ...m, files: await readTemplateFiles(path.join(base, m.id)) })));
  const replaced = [...new Set(bugs.flatMap((b) => b.files.map((f) => f.path)))].sort();
  const template = flavourDirs(exercise, flavour).template;
  const reference = await Promise.all(
    replaced.map(async (p) => ({ path: p, content: await fs.readFile(path.join(template, ...p.split('/')), 'utf8') })),
  );
  return { bugs, reference };
}

/**
 * The seeded bugs of the exercise in `exerciseDir` for `flavour` (its default when undefined), or
 * undefined when it is not graded by them or not there: how the CLI finds them, as it finds specs.
 * The manifest was checked when it was built (or validated); only the fields needed here are read.
 */
export async function readMutantGrading(exerciseDir: string, flavour: Flavour | undefined): Promise<MutantGrading | undefined> {
  const file = path.join(exerciseDir, 'exercise.json');
  let manifest: { grading?: unknown; flavours?: unknown };
  try {
    manifest = JSON.parse(await fs.readFile(file, 'utf8')) as typeof manifest;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (manifest?.grading !== 'mutants') return undefined;
  const listed = Array.isArray(manifest.flavours) ? manifest.flavours.filter(isFlavour) : [];
  const chosen = flavour ?? listed[0];
  if (!chosen || !listed.includes(chosen)) throw new Error(`${file}: no ${chosen ?? 'default'} flavour to take the seeded bugs from`);
  return loadMutantGrading({ dir: exerciseDir }, chosen);
}

/**
 * What is wrong with an exercise's seeded bugs, for loadExercise: with `"grading": "mutants"`, a
 * mutants.json and, for every listed flavour, exactly its mutants' folders, each replacing files the
 * template has (with no placeholders) and the solution's tests do not; without it, none of that.
 */
export async function mutantsProblem(dir: string, grading: Grading, listed: readonly Flavour[]): Promise<string | undefined> {
  const there = async (p: string) =>
    fs.stat(p).then(
      () => true,
      () => false,
    );
  const folderOf = (flavour: Flavour) => mutantsDir({ dir }, flavour);
  if (grading !== 'mutants') {
    if (await there(path.join(dir, mutantsFileName))) return `${mutantsFileName} is only read with "grading": "mutants"`;
    for (const flavour of flavours)
      if (await there(folderOf(flavour))) return `${path.basename(folderOf(flavour))}/ is only used with "grading": "mutants"`;
    return undefined;
  }
  if (await there(path.join(dir, 'spec.json')))
    return 'an exercise graded by seeded bugs has no spec.json: the learner writes the tests, and the code under test is given';
  let file: MutantsFile;
  try {
    file = await readMutantsFile(dir);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return (e as { cause?: NodeJS.ErrnoException }).cause?.code === 'ENOENT'
      ? `"grading": "mutants" needs ${mutantsFileName} (each seeded bug's id, bug and hint)`
      : message;
  }
  const ids = file.mutants.map((m) => m.id);
  for (const flavour of flavours) {
    const folder = folderOf(flavour);
    const name = `${path.basename(folder)}/`;
    if (!listed.includes(flavour)) {
      if (await there(folder)) return `${name} holds the ${flavour} flavour's seeded bugs, which "flavours" does not list`;
      continue;
    }
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => undefined);
    if (!entries) return `flavour "${flavour}" needs ${name} (one folder per seeded bug in ${mutantsFileName})`;
    const found = entries.filter((e) => e.isDirectory()).map((e) => e.name);
    const missing = ids.filter((id) => !found.includes(id));
    if (missing.length > 0) return `${name} has no folder for ${missing.map((m) => `"${m}"`).join(', ')}`;
    const extra = found.filter((f) => !ids.includes(f));
    if (extra.length > 0) return `${name}${extra[0]}/ is not listed in ${mutantsFileName}, so it would never be tried`;
    const { template, solution } = flavourDirs({ dir }, flavour);
    const templateFiles = new Map((await readTemplateFiles(template)).map((f) => [f.path, f.content]));
    const solutionFiles = new Set((await readTemplateFiles(solution)).map((f) => f.path));
    for (const id of ids) {
      const files = await readTemplateFiles(path.join(folder, id));
      if (files.length === 0) return `${name}${id}/ is empty`;
      for (const f of files) {
        const where = `${name}${id}/${f.path}`;
        const original = templateFiles.get(f.path);
        if (f.path === markerFileName) return `${where}: a seeded bug must not ship its own ${markerFileName}`;
        if (original === undefined) return `${where} replaces no file of the template: a seeded bug changes the code under test`;
        if (solutionFiles.has(f.path)) return `${where} replaces a file of the solution: the learner's tests must never be overwritten`;
        if (original === f.content) return `${where} is the template's file unchanged: that is no bug`;
        // The learner's copy is compared with the template as it is on disk, so it must be the scaffolded text.
        if (hasPlaceholders(original)) return `${where}: the template's file must not use {{…}} placeholders`;
      }
    }
  }
  return undefined;
}
