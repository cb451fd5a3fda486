import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { specSchema } from './schema';
import type { Spec } from './schema';

export const specFileName = 'spec.json';

/**
 * An exercise's behavioural spec (`<exercise folder>/spec.json`, shipped with the extension), or
 * undefined when it has none. A spec that does not parse is an error naming the file.
 */
export async function readSpec(exerciseDir: string): Promise<Spec | undefined> {
  const file = path.join(exerciseDir, specFileName);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const parsed = specSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
