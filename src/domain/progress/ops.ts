import {
  cardOf,
  exercisePassed,
  HISTORY_LIMIT,
  practiceOf,
  QUIZ_PASS_SHARE,
  quizOf,
  REVIEW_LOG_LIMIT,
  topicProgress,
  topicStatus,
} from './progress';
import type { HistoryEntry, Practice, ProgressData, QuizResult, ReviewEntry, StoredCard, TopicProgress, TopicStatus } from './progress';
import { answerCard } from '../review/scheduler';
import type { GradeName } from '../review/scheduler';

/** What a change was about, for onDidChange listeners: the topic when it concerned one. */
export interface ProgressChange {
  topicId?: string;
}

/** What an op did: `change` when it changed the draft (so the store writes and fires onDidChange), and its answer. */
export interface OpResult<R> {
  readonly change?: ProgressChange;
  readonly value: R;
}

/**
 * One change to progress: a pure function over a draft that the store owns, given the update's time
 * (ISO). The store may run it again, with the same time, on data another writer saved meanwhile, so
 * an op reads everything it needs from the draft and keeps its own copies of what it was given.
 */
export type ProgressOp<R = void> = (draft: ProgressData, now: string) => OpResult<R>;

const changed = (change: ProgressChange = {}): OpResult<void> => ({ change, value: undefined });
const unchanged: OpResult<void> = { value: undefined };

export function setStatus(topicId: string, status: TopicStatus): ProgressOp {
  return touch(topicId, (t) => {
    t.status = status;
  });
}

/**
 * A placement check showed the learner knows this topic: done, unless they already said otherwise
 * (a skipped or done topic keeps its status).
 */
export function markKnown(topicId: string): ProgressOp {
  return (d, now) => {
    const status = topicStatus(d, topicId);
    if (status === 'done' || status === 'skipped') return unchanged;
    return setStatus(topicId, 'done')(d, now);
  };
}

/** Ticks or unticks a checklist item; ticking a topic not started yet starts it. */
export function setItem(topicId: string, itemId: string, checked: boolean): ProgressOp {
  return touch(topicId, (t) => {
    const set = new Set(t.checked);
    if (checked) set.add(itemId);
    else set.delete(itemId);
    t.checked = [...set];
    if (checked && (t.status === undefined || t.status === 'notStarted')) t.status = 'inProgress';
  });
}

/**
 * Forgets the status and ticked items of these topics (a topic, a phase or all; the caller confirms
 * first). What stays is an empty record with the time of the reset, so a synced copy from another
 * machine, older than the reset, cannot bring the topic back.
 */
export function resetTopics(topicIds: readonly string[]): ProgressOp {
  const ids = [...topicIds];
  return (d, now) => {
    let any = false;
    for (const id of ids) {
      const t = topicProgress(d, id);
      if (!t || !hasProgress(t)) continue;
      any = true;
      const before = topicStatus(d, id);
      // No status: an import's Merge can still bring a status back; the time keeps older synced copies out.
      d.topics[id] = { checked: [], updatedAt: now };
      if (before !== 'notStarted') record(d, { at: now, topicId: id, status: 'notStarted' });
    }
    return any ? changed() : unchanged;
  };
}

/** Whether a topic's record holds anything to reset: a status other than not started, or a ticked item. */
export function hasProgress(t: TopicProgress): boolean {
  return (t.status !== undefined && t.status !== 'notStarted') || t.checked.length > 0;
}

/** Records a pass; passing again moves the date to the latest pass. */
export function markExercisePassed(exerciseId: string): ProgressOp {
  return (d, now) => {
    d.exercises[exerciseId] = { passedAt: now };
    return changed();
  };
}

/** Counts a check that ran and did not pass (the reference solution is offered after three). */
export function recordCheckFailed(exerciseId: string): ProgressOp {
  return practice(exerciseId, (p) => {
    p.failedChecks = (p.failedChecks ?? 0) + 1;
    return true;
  });
}

/** Records a revealed hint, once. */
export function recordHintUsed(exerciseId: string, key: string): ProgressOp {
  return practice(exerciseId, (p) => {
    if (p.hintsUsed?.includes(key)) return false;
    p.hintsUsed = [...(p.hintsUsed ?? []), key];
    return true;
  });
}

/**
 * Records which milestones of a project passed in order at a finished check: the latest check wins,
 * so a regression shows as lost progress until it is fixed.
 */
export function recordMilestones(exerciseId: string, passed: readonly string[]): ProgressOp {
  const ids = [...passed];
  return practice(exerciseId, (p) => {
    if (JSON.stringify(p.milestones ?? []) === JSON.stringify(ids)) return false;
    p.milestones = ids;
    return true;
  });
}

/** Records the first comparison with the reference solution. */
export function recordSolutionCompared(exerciseId: string): ProgressOp {
  return (d, now) =>
    practice(exerciseId, (p) => {
      if (p.solutionComparedAt) return false;
      p.solutionComparedAt = now;
      return true;
    })(d, now);
}

function practice(exerciseId: string, fn: (p: Practice) => boolean): ProgressOp {
  return (d) => {
    const p = structuredClone(practiceOf(d, exerciseId));
    if (!fn(p)) return unchanged;
    d.practice[exerciseId] = p;
    return changed();
  };
}

/** The one merge rule for practice records: the most failed checks, every hint, the first comparison, the furthest milestones. */
export function mergePractice(mine: Practice, theirs: Practice): Practice {
  const failedChecks = Math.max(mine.failedChecks ?? 0, theirs.failedChecks ?? 0);
  const hintsUsed = [...new Set([...(mine.hintsUsed ?? []), ...(theirs.hintsUsed ?? [])])];
  const compared = [mine.solutionComparedAt, theirs.solutionComparedAt].filter((t) => t !== undefined).sort()[0];
  // Milestones: the further progress (an import carries over work done on another machine).
  const milestones = (theirs.milestones?.length ?? 0) > (mine.milestones?.length ?? 0) ? theirs.milestones : mine.milestones;
  return {
    ...(failedChecks > 0 ? { failedChecks } : {}),
    ...(milestones && milestones.length > 0 ? { milestones: [...milestones] } : {}),
    ...(hintsUsed.length > 0 ? { hintsUsed } : {}),
    ...(compared ? { solutionComparedAt: compared } : {}),
  };
}

/** One answer to a review card (a question's or a note's); a card answered for the first time is created. */
export interface CardAnswer {
  cardId: string;
  topicId: string;
  grade: GradeName;
}

/** Schedules each answered card with FSRS and logs the answer. */
export function answerCards(answers: readonly CardAnswer[]): ProgressOp {
  const list = answers.map((a) => ({ ...a }));
  return (d, now) => {
    if (list.length === 0) return unchanged;
    const at = new Date(now);
    for (const a of list) {
      const { card, entry } = answerCard(a.cardId, a.topicId, cardOf(d, a.cardId), a.grade, at);
      d.cards[a.cardId] = card;
      d.reviewLog.push(entry);
    }
    if (d.reviewLog.length > REVIEW_LOG_LIMIT) d.reviewLog.splice(0, d.reviewLog.length - REVIEW_LOG_LIMIT);
    return changed({ topicId: list.length === 1 ? list[0]?.topicId : undefined });
  };
}

/** Records a finished topic quiz: its score, the best score, and the first pass (80% or more). */
export function recordQuiz(topicId: string, correct: number, total: number): ProgressOp {
  return (d, now) => {
    if (total <= 0) return unchanged;
    const share = Math.min(1, Math.max(0, correct / total));
    const before = quizOf(d, topicId);
    const passed = share >= QUIZ_PASS_SHARE;
    d.quizzes[topicId] = {
      best: Math.max(before?.best ?? 0, share),
      last: share,
      answered: total,
      at: now,
      ...(before?.passedAt ? { passedAt: before.passedAt } : passed ? { passedAt: now } : {}),
    };
    return changed({ topicId });
  };
}

/** Runs several ops as one update (one write, one change event). */
export function combine(...ops: readonly ProgressOp<unknown>[]): ProgressOp {
  return (d, now) => {
    let any = false;
    let topicId: string | undefined;
    let topics = 0;
    for (const op of ops) {
      const r = op(d, now);
      if (!r.change) continue;
      any = true;
      if (r.change.topicId !== topicId) topics++;
      topicId = r.change.topicId;
    }
    return any ? changed(topics === 1 && topicId ? { topicId } : {}) : unchanged;
  };
}

export function setCurrentTopic(topicId: string): ProgressOp {
  return (d) => {
    if (d.currentTopic === topicId) return unchanged;
    d.currentTopic = topicId;
    return changed({ topicId });
  };
}

/** Records that these vanished ids were reported, so the report happens once. */
export function markVanishedReported(topicIds: readonly string[]): ProgressOp {
  const ids = [...topicIds];
  return (d) => {
    const reported = new Set(d.vanishedReported ?? []);
    if (d.vanishedReported && ids.every((id) => reported.has(id))) return unchanged;
    d.vanishedReported = [...new Set([...reported, ...ids])].sort();
    return changed();
  };
}

/**
 * Moves progress stored under renamed topic ids (a roadmap's `renamed:` map, old -> new) to the new
 * ids, merging with anything already there. Answers the moves made, as "old -> new".
 */
export function applyRenames(renamed: Readonly<Record<string, string>>): ProgressOp<string[]> {
  const map = { ...renamed };
  return (d) => {
    const moves = Object.keys(map)
      .filter((oldId) => topicProgress(d, oldId) && finalId(map, oldId) !== oldId)
      .map((oldId) => `${oldId} -> ${finalId(map, oldId)}`);
    if (moves.length === 0) return { value: moves };
    for (const oldId of Object.keys(map)) {
      const newId = finalId(map, oldId);
      const old = topicProgress(d, oldId);
      if (!old || newId === oldId) continue;
      d.topics[newId] = mergeTopic(topicProgress(d, newId), old);
      delete d.topics[oldId];
      for (const e of d.history) if (e.topicId === oldId) e.topicId = newId;
      if (d.currentTopic === oldId) d.currentTopic = newId;
    }
    return { change: {}, value: moves };
  };
}

/** Replaces everything with a snapshot of `data` taken now (an import's Replace, or a copy into new storage). */
export function replaceAll(data: ProgressData): ProgressOp {
  const copy = structuredClone(data);
  return (d, now) => {
    const before = JSON.stringify(d);
    // Topics the replacement drops leave an empty record stamped now, so an older synced copy cannot bring them back.
    const dropped = Object.keys(d.topics).filter((id) => !Object.hasOwn(copy.topics, id) && hasProgress(d.topics[id] as TopicProgress));
    for (const key of Object.keys(d) as (keyof ProgressData)[]) delete d[key];
    Object.assign(d, structuredClone(copy));
    for (const id of dropped) d.topics[id] = { checked: [], updatedAt: now };
    return JSON.stringify(d) === before ? unchanged : changed();
  };
}

/** An import's Merge: keeps everything in the draft and adds what `incoming` has (see mergeInto). */
export function mergeAll(incoming: ProgressData): ProgressOp {
  const copy = structuredClone(incoming);
  return (d) => {
    const before = JSON.stringify(d);
    mergeInto(d, copy);
    return JSON.stringify(d) === before ? unchanged : changed();
  };
}

/**
 * The one merge rule for a topic's progress, for imports and renames alike: an explicit status of
 * `mine` wins, ticked items are the union, and the later update time stays.
 */
export function mergeTopic(mine: TopicProgress | undefined, theirs: TopicProgress): TopicProgress {
  if (!mine) return structuredClone(theirs);
  return {
    status: mine.status ?? theirs.status,
    checked: [...new Set([...mine.checked, ...theirs.checked])],
    updatedAt: mine.updatedAt > theirs.updatedAt ? mine.updatedAt : theirs.updatedAt,
  };
}

/** Adds what `incoming` has to `into`, in place: topics merged by mergeTopic, passes not yet recorded, history not yet there. */
export function mergeInto(into: ProgressData, incoming: ProgressData, topic: TopicMerge = mergeTopic): void {
  for (const [id, t] of Object.entries(incoming.topics)) into.topics[id] = topic(topicProgress(into, id), t);
  for (const [id, e] of Object.entries(incoming.exercises)) if (!exercisePassed(into, id)) into.exercises[id] = structuredClone(e);
  for (const [id, p] of Object.entries(incoming.practice)) into.practice[id] = mergePractice(practiceOf(into, id), p);
  for (const [id, c] of Object.entries(incoming.cards)) into.cards[id] = mergeCard(cardOf(into, id), c);
  for (const [id, q] of Object.entries(incoming.quizzes)) into.quizzes[id] = mergeQuiz(quizOf(into, id), q);
  const logKey = (e: ReviewEntry) => `${e.at}|${e.cardId}`;
  const logged = new Set(into.reviewLog.map(logKey));
  into.reviewLog = [...into.reviewLog, ...incoming.reviewLog.filter((e) => !logged.has(logKey(e))).map((e) => ({ ...e }))]
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(-REVIEW_LOG_LIMIT);
  const key = (e: HistoryEntry) => `${e.at}|${e.topicId}|${e.status}`;
  const seen = new Set(into.history.map(key));
  into.history = [...into.history, ...incoming.history.filter((e) => !seen.has(key(e))).map((e) => ({ ...e }))]
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(-HISTORY_LIMIT);
}

type TopicMerge = (mine: TopicProgress | undefined, theirs: TopicProgress) => TopicProgress;

/** For sync: the topic record changed last wins whole (a reset or an untick on another machine carries over). */
export function latestTopic(mine: TopicProgress | undefined, theirs: TopicProgress): TopicProgress {
  return !mine || theirs.updatedAt > mine.updatedAt ? structuredClone(theirs) : mine;
}

/**
 * Merges progress synced from another machine or workspace: per topic the latest change wins (an
 * import's Merge keeps both instead); everything else is merged as an import does.
 */
export function mergeFromSync(incoming: ProgressData): ProgressOp {
  const copy = structuredClone(incoming);
  return (d, now) => {
    const before = JSON.stringify(d);
    // A record stamped in the future (a clock running ahead) would win every later merge: left out.
    const limit = new Date(Date.parse(now) + syncClockTolerance).toISOString();
    const sane = { ...copy, topics: Object.fromEntries(Object.entries(copy.topics).filter(([, t]) => t.updatedAt <= limit)) };
    sane.cards = Object.fromEntries(Object.entries(copy.cards).filter(([, c]) => (c.lastReview ?? '') <= limit));
    sane.quizzes = Object.fromEntries(Object.entries(copy.quizzes).filter(([, q]) => q.at <= limit));
    mergeInto(d, sane, latestTopic);
    return JSON.stringify(d) === before ? unchanged : changed();
  };
}

/** How far ahead another machine's clock may be before its records are left out of a sync merge. */
export const syncClockTolerance = 60 * 60 * 1000;

/** The card reviewed last wins (its schedule already includes what the other one knew, or is newer). */
export function mergeCard(mine: StoredCard | undefined, theirs: StoredCard): StoredCard {
  if (!mine) return structuredClone(theirs);
  const last = (c: StoredCard) => c.lastReview ?? '';
  return last(theirs) > last(mine) ? structuredClone(theirs) : mine;
}

/** Quiz results: the best score, the later attempt's last score, the first pass. */
export function mergeQuiz(mine: QuizResult | undefined, theirs: QuizResult): QuizResult {
  if (!mine) return structuredClone(theirs);
  const later = theirs.at > mine.at ? theirs : mine;
  const passedAt = [mine.passedAt, theirs.passedAt].filter((t) => t !== undefined).sort()[0];
  return {
    best: Math.max(mine.best, theirs.best),
    last: later.last,
    answered: later.answered,
    at: later.at,
    ...(passedAt ? { passedAt } : {}),
  };
}

/** Applies `fn` to a topic's progress, stamping it and recording a change of its status. */
function touch(topicId: string, fn: (t: TopicProgress) => void): ProgressOp {
  return (d, now) => {
    const before = topicStatus(d, topicId);
    const t = topicProgress(d, topicId) ?? { checked: [], updatedAt: '' };
    fn(t);
    t.updatedAt = now;
    d.topics[topicId] = t;
    const after = topicStatus(d, topicId);
    if (after !== before) record(d, { at: now, topicId, status: after });
    return changed({ topicId });
  };
}

function record(d: ProgressData, entry: HistoryEntry): void {
  d.history.push(entry);
  if (d.history.length > HISTORY_LIMIT) d.history.splice(0, d.history.length - HISTORY_LIMIT);
}

/** Follows chains of renames (a -> b, b -> c) to the last id, stopping on a loop. */
function finalId(renamed: Readonly<Record<string, string>>, id: string): string {
  const seen = new Set<string>([id]);
  let current = id;
  const step = (from: string) => (Object.hasOwn(renamed, from) ? renamed[from] : undefined);
  for (let to = step(current); to !== undefined && !seen.has(to); to = step(current)) {
    seen.add(to);
    current = to;
  }
  return current;
}
