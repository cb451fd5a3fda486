import { jsonErrorPosition, jsonValueOffset, lineCol } from '../shared/jsonPosition';
import { exercisePassed, topicProgress, topicStatus } from './progress';
import type { ProgressData } from './progress';
import { mergeInto } from './ops';
import { migrate } from './store';
import { statusLabels } from './status';

/**
 * Reads an import: the JSON that Export Progress writes (`{ exportedFrom, progress }`) or bare stored
 * progress data. Problems name the file, line and column. Never throws, whatever the text.
 */
export function parseImport(text: string, file: string): { ok: true; data: ProgressData } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch (e) {
    const message = errorMessage(e);
    const { line, col } = jsonErrorPosition(text, message);
    return { ok: false, message: `${file}:${line}:${col}: not valid JSON (${message})` };
  }
  try {
    const inner = isRecord(raw) && 'progress' in raw ? raw.progress : raw;
    const wrapped = inner !== raw;
    const migrated = migrate(inner);
    if (migrated.ok) return { ok: true, data: migrated.data };
    const path = [...(wrapped ? ['progress'] : []), ...reasonPath(inner, migrated.reason)];
    const { line, col } = lineCol(text, jsonValueOffset(text, path));
    return { ok: false, message: `${file}:${line}:${col}: not Backend Roadmap progress (${migrated.reason})` };
  } catch (e) {
    return { ok: false, message: `${file}:1:1: could not read the import (${errorMessage(e)})` };
  }
}

/**
 * The path a migrate() reason starts with (`topics.dns.status: …`), matched against the data itself
 * so keys holding dots still resolve; as far as it goes.
 */
function reasonPath(data: unknown, reason: string): string[] {
  if (reason.startsWith('it was written by a newer version')) return ['version'];
  const path: string[] = [];
  let rest = reason;
  let node = data;
  while (isRecord(node) || Array.isArray(node)) {
    let key: string | undefined;
    for (const k of Object.keys(node)) {
      if ((rest.startsWith(`${k}.`) || rest.startsWith(`${k}: `)) && k.length > (key?.length ?? -1)) key = k;
    }
    if (key === undefined) break;
    path.push(key);
    node = (node as Record<string, unknown>)[key];
    rest = rest.slice(key.length + 1);
  }
  return path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface ImportPreview {
  statusChanges: string[];
  itemsTicked: number;
  itemsUnticked: number;
  exercisesPassed: number;
  /** Review cards the import brings that are not here yet. */
  cardsAdded: number;
  /** True when importing changes nothing. */
  same: boolean;
}

/** What replacing `current` with `incoming` would change, in words a learner can check. */
export function previewImport(current: ProgressData, incoming: ProgressData, titleOf: (id: string) => string): ImportPreview {
  const ids = new Set([...Object.keys(current.topics), ...Object.keys(incoming.topics)]);
  const statusChanges: string[] = [];
  let itemsTicked = 0;
  let itemsUnticked = 0;
  for (const id of [...ids].sort()) {
    const before = topicStatus(current, id);
    const after = topicStatus(incoming, id);
    if (before !== after) statusChanges.push(`${titleOf(id)}: ${statusLabels[before]} → ${statusLabels[after]}`);
    const was = new Set(topicProgress(current, id)?.checked ?? []);
    const will = new Set(topicProgress(incoming, id)?.checked ?? []);
    for (const item of will) if (!was.has(item)) itemsTicked++;
    for (const item of was) if (!will.has(item)) itemsUnticked++;
  }
  const exercisesPassed = Object.keys(incoming.exercises).filter((id) => !exercisePassed(current, id)).length;
  // Practice alone (hints, failed checks, a comparison) is still something to import.
  const samePractice = JSON.stringify(current.practice) === JSON.stringify(incoming.practice);
  // So is review state: cards, their answers and quiz results.
  const sameReview =
    JSON.stringify([current.cards, current.quizzes, current.reviewLog.length]) ===
    JSON.stringify([incoming.cards, incoming.quizzes, incoming.reviewLog.length]);
  const cardsAdded = Object.keys(incoming.cards).filter((id) => !Object.hasOwn(current.cards, id)).length;
  const same =
    statusChanges.length === 0 && itemsTicked === 0 && itemsUnticked === 0 && exercisesPassed === 0 && samePractice && sameReview;
  return { statusChanges, itemsTicked, itemsUnticked, exercisesPassed, cardsAdded, same };
}

/** Keeps everything in `current` and adds what `incoming` has: ticked items, statuses set only there, passes. */
export function mergeProgress(current: ProgressData, incoming: ProgressData): ProgressData {
  const out = structuredClone(current);
  mergeInto(out, incoming);
  return out;
}

/** Stored topic ids that no loaded roadmap has any more and that were not reported yet. */
export function vanishedTopicIds(data: ProgressData, known: ReadonlySet<string>): string[] {
  const reported = new Set(data.vanishedReported ?? []);
  return Object.keys(data.topics)
    .filter((id) => !known.has(id) && !reported.has(id))
    .sort();
}

/** A note's first words, without its heading, for the topic page. */
export function noteExcerpt(text: string, max = 240): string {
  const body = text
    .split(/\r?\n/)
    .filter((l) => !/^\s*#/.test(l))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return body.length > max ? `${body.slice(0, max - 1).trimEnd()}…` : body;
}
