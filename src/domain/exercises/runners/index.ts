// Every exercise runner, by the id manifests and marker files name. A new language is a runner here
// plus its rows in ../flavours.ts.
import type { ExerciseRunner } from '../runner';
import { goRunner } from './go';
import { nodeRunner } from './node';
import { pythonRunner } from './python';

export const runners = {
  node: nodeRunner,
  python: pythonRunner,
  go: goRunner,
} as const satisfies Record<string, ExerciseRunner>;

export type RunnerId = keyof typeof runners;

export const runnerIds = Object.keys(runners) as RunnerId[];

export function isRunnerId(id: string): id is RunnerId {
  return Object.hasOwn(runners, id);
}

/** Own keys only: a marker naming "constructor" is an unknown runner, not Object's. */
export function runnerById(id: string): ExerciseRunner | undefined {
  return isRunnerId(id) ? runners[id] : undefined;
}
