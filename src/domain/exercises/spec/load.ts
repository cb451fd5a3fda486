import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { jsonErrorPosition, jsonValueOffset, lineCol } from '../../shared/jsonPosition';
import type { JsonKey } from '../../shared/jsonPosition';
import { specSchema } from './schema';
import type { Spec } from './schema';

export const specFileName = 'spec.json';

/**
 * An exercise's behavioural spec (`<exercise folder>/spec.json`, shipped with the extension), or
 * undefined when it has none. A spec that does not parse is an error naming `file:line:col` of each problem.
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
  return parseSpec(text, file);
}

/** Parses a spec's text; every problem is reported as `file:line:col: message`. */
export function parseSpec(text: string, file: string): Spec {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const { line, col } = jsonErrorPosition(text, message);
    throw new Error(`${file}:${line}:${col}: not valid JSON: ${message}`, { cause: e });
  }
  const parsed = specSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 20).map((i) => {
    const { line, col } = lineCol(text, jsonValueOffset(text, i.path as JsonKey[]));
    return `${file}:${line}:${col}: ${i.path.join('.') || '(spec)'}: ${i.message}`;
  });
  throw new Error(problems.join('\n'));
}
