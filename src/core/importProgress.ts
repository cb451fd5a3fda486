import { jsonErrorPosition } from './jsonPosition';
import { exercisePassed, topicProgress, topicStatus } from './progress';
import type { ProgressData } from './progress';
import { migrate } from './progressStore';
import { statusLabels } from '../shared/status';

/**
 * Reads an import: the JSON that Export Progress writes (`{ exportedFrom, progress }`) or bare stored
 * progress data. Problems name the file, line and column.
 */
export function parseImport(text: string, file: string): { ok: true; data: ProgressData } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const { line, col } = jsonErrorPosition(text, message);
    return { ok: false, message: `${file}:${line}:${col}: not valid JSON (${message})` };
  }
  const inner = raw && typeof raw === 'object' && 'progress' in raw ? (raw as { progress: unknown }).progress : raw;
  const migrated = migrate(inner);
  if (!migrated.ok) return { ok: false, message: `${file}: not Backend Roadmap progress (${migrated.reason})` };
  return { ok: true, data: migrated.data };
}

export interface ImportPreview {
  statusChanges: string[];
  itemsTicked: number;
  itemsUnticked: number;
  exercisesPassed: number;
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
  const same = statusChanges.length === 0 && itemsTicked === 0 && itemsUnticked === 0 && exercisesPassed === 0;
  return { statusChanges, itemsTicked, itemsUnticked, exercisesPassed, same };
}

/** Keeps everything in `current` and adds what `incoming` has: ticked items, statuses set only there, passes. */
export function mergeProgress(current: ProgressData, incoming: ProgressData): ProgressData {
  const out = structuredClone(current);
  for (const [id, t] of Object.entries(incoming.topics)) {
    const mine = topicProgress(out, id);
    out.topics[id] = mine
      ? { status: mine.status ?? t.status, checked: [...new Set([...mine.checked, ...t.checked])], updatedAt: mine.updatedAt > t.updatedAt ? mine.updatedAt : t.updatedAt }
      : structuredClone(t);
  }
  for (const [id, e] of Object.entries(incoming.exercises)) if (!exercisePassed(out, id)) out.exercises[id] = e;
  const seen = new Set(out.history.map((e) => `${e.at}|${e.topicId}|${e.status}`));
  out.history = [...out.history, ...incoming.history.filter((e) => !seen.has(`${e.at}|${e.topicId}|${e.status}`))].sort((a, b) => a.at.localeCompare(b.at));
  return out;
}

/** Stored topic ids that no loaded roadmap has any more and that were not reported yet. */
export function vanishedTopicIds(data: ProgressData, known: ReadonlySet<string>): string[] {
  const reported = new Set(data.vanishedReported ?? []);
  return Object.keys(data.topics).filter((id) => !known.has(id) && !reported.has(id)).sort();
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
