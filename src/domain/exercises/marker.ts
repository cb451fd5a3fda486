// The marker file scaffolding writes at an exercise folder's root: which exercise the folder holds,
// and which runner and flavour check it. It belongs to no language's own files (package.json,
// pyproject.toml, go.mod), so every runner finds the exercise the same way.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod/mini';
import { slugSchema } from '../roadmap/slug';
import { readFileInside, UnsafePathError } from '../shared/safeFs';
import { flavours, isFlavour } from './flavours';
import type { Flavour } from './flavours';
import { CheckError } from './runCommand';
import { isRunnerId, runnerIds } from './runners';
import type { RunnerId } from './runners';

export const markerFileName = '.backend-roadmap-exercise.json';
export const markerVersion = 1;
/** Far more than a marker needs; a bigger file there is not one of ours and is not read whole. */
const maxMarkerBytes = 16 * 1024;

export interface ExerciseMarker {
  version: typeof markerVersion;
  exercise: string;
  runner: RunnerId;
  flavour: Flavour;
}

// Loose on purpose (extra keys are ignored, runner and flavour are checked below), so a file from a
// newer version or a typo gets a message that says what is wrong.
const markerSchema = z.object({
  version: z.number(),
  exercise: slugSchema,
  runner: z.string(),
  flavour: z.string(),
});

/** The marker's text: small, stable JSON with a trailing newline. */
export function markerContent(marker: Omit<ExerciseMarker, 'version'>): string {
  const { exercise, runner, flavour } = marker;
  return `${JSON.stringify({ version: markerVersion, exercise, runner, flavour }, null, 2)}\n`;
}

/** True when something is at the marker's place, even something unreadable: then a check says what is wrong with it. */
export async function markerExists(dir: string): Promise<boolean> {
  return fs.lstat(path.join(dir, markerFileName)).then(
    () => true,
    () => false,
  );
}

/**
 * The folder's marker, or undefined when it has none. Read without following a link, capped in size,
 * and validated: anything else there is a CheckError naming the file and what is wrong.
 */
export async function readMarker(dir: string): Promise<ExerciseMarker | undefined> {
  const file = path.join(dir, markerFileName);
  let text: string;
  try {
    text = await readFileInside(dir, file, { maxBytes: maxMarkerBytes + 1 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (e instanceof UnsafePathError) {
      const link = await fs.lstat(file).then(
        (s) => s.isSymbolicLink(),
        () => false,
      );
      throw new CheckError(
        `${file} is ${link ? 'a symbolic link; it is not followed' : 'not a file'}. Delete it and scaffold the exercise again.`,
      );
    }
    throw new CheckError(`${file} cannot be read (${code ?? (e instanceof Error ? e.message : String(e))}).`);
  }
  if (Buffer.byteLength(text) > maxMarkerBytes)
    throw new CheckError(`${file} is larger than ${maxMarkerBytes / 1024} KB; it is not an exercise marker.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CheckError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  const version = json && typeof json === 'object' ? (json as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version > markerVersion) {
    throw new CheckError(
      `${file} was written by a newer Backend Roadmap (marker version ${version}); update the extension to check this exercise.`,
    );
  }
  const parsed = markerSchema.safeParse(json);
  if (!parsed.success)
    throw new CheckError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'marker'}: ${i.message}`).join('; ')}`);
  const { exercise, runner, flavour } = parsed.data;
  if (parsed.data.version !== markerVersion)
    throw new CheckError(`${file}: version ${parsed.data.version} is not one Backend Roadmap writes (${markerVersion}).`);
  if (!isRunnerId(runner)) {
    throw new CheckError(
      `${file}: runner "${runner}" is not one this version of Backend Roadmap knows (it knows: ${runnerIds.join(', ')}); update the extension or scaffold the exercise again.`,
    );
  }
  if (!isFlavour(flavour)) {
    throw new CheckError(
      `${file}: flavour "${flavour}" is not one this version of Backend Roadmap knows (it knows: ${flavours.join(', ')}).`,
    );
  }
  return { version: markerVersion, exercise, runner, flavour };
}
