import '../shared/zodSetup';
import * as z from 'zod/mini';
import { topicStatuses } from './status';
import type { TopicStatus } from './status';
import type { PhaseOutline, RoadmapOutline, TopicOutline } from '../roadmap/schema';

export type { TopicStatus } from './status';

export const topicStatusSchema = z.enum(topicStatuses);

export const PROGRESS_VERSION = 3;

const topicProgressSchema = z.object({
  status: z.optional(topicStatusSchema),
  checked: z.array(z.string()),
  updatedAt: z.string(),
});

const progressFields = {
  topics: z.record(z.string(), topicProgressSchema),
  exercises: z.record(z.string(), z.object({ passedAt: z.string() })),
  currentTopic: z.optional(z.string()),
};

/** The first stored shape: no history. */
export const progressDataV1Schema = z.object({ version: z.literal(1), ...progressFields });

/** One status change; the dashboard's activity chart is drawn from these. */
export const historyEntrySchema = z.object({ at: z.string(), topicId: z.string(), status: topicStatusSchema });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** How a learner worked on an exercise: failed checks, hints revealed, the reference solution seen. */
export const practiceSchema = z.object({
  failedChecks: z.optional(z.int().check(z.nonnegative())),
  /** `<scenario name>#<index>`, in the order they were revealed. */
  hintsUsed: z.optional(z.array(z.string())),
  /** When the learner first compared their code with the reference solution. */
  solutionComparedAt: z.optional(z.string()),
  /**
   * A project: the ids of the milestones that passed in order at its last finished check. Optional,
   * so data without it (any version) loads unchanged, and no version bump locks out older builds.
   */
  milestones: z.optional(z.array(z.string())),
});
export type Practice = z.infer<typeof practiceSchema>;

/** Version 2: history, and optional practice records. */
export const progressDataV2Schema = z.object({
  version: z.literal(2),
  ...progressFields,
  history: z.array(historyEntrySchema),
  practice: z.optional(z.record(z.string(), practiceSchema)),
  vanishedReported: z.optional(z.array(z.string())),
});

/** A review card's FSRS state (ts-fsrs's Card, dates as ISO strings). */
export const storedCardSchema = z.object({
  /** The topic the card belongs to, so review can open it and phases can count it. */
  topicId: z.string(),
  due: z.string(),
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.int(),
  reps: z.int(),
  lapses: z.int(),
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: z.int().check(z.minimum(0), z.maximum(3)),
  lastReview: z.optional(z.string()),
});
export type StoredCard = z.infer<typeof storedCardSchema>;

/** One answer given to a card: retention and the activity chart are drawn from these. */
export const reviewEntrySchema = z.object({
  at: z.string(),
  cardId: z.string(),
  /** 1 again, 2 hard, 3 good, 4 easy. */
  rating: z.int().check(z.minimum(1), z.maximum(4)),
  /** The card's state before this answer (0 new … 3 relearning). */
  state: z.int().check(z.minimum(0), z.maximum(3)),
});
export type ReviewEntry = z.infer<typeof reviewEntrySchema>;

/** A topic's quiz: the best and the last score, and when it was first passed. */
export const quizResultSchema = z.object({
  best: z.number().check(z.minimum(0), z.maximum(1)),
  last: z.number().check(z.minimum(0), z.maximum(1)),
  /** Questions in the last attempt. */
  answered: z.int().check(z.nonnegative()),
  at: z.string(),
  passedAt: z.optional(z.string()),
});
export type QuizResult = z.infer<typeof quizResultSchema>;

export const progressDataSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  ...progressFields,
  history: z.array(historyEntrySchema),
  /** By exercise id: failed checks, hints revealed, the reference solution seen. */
  practice: z.record(z.string(), practiceSchema),
  /** Review cards by card id (`<topic>/<question>` or `note:<topic>/<hash>`). */
  cards: z.record(z.string(), storedCardSchema),
  reviewLog: z.array(reviewEntrySchema),
  /** By topic id. */
  quizzes: z.record(z.string(), quizResultSchema),
  /** Stored topic ids no roadmap knows any more; kept, and reported once. */
  vanishedReported: z.optional(z.array(z.string())),
});

export type TopicProgress = z.infer<typeof topicProgressSchema>;
export type ProgressData = z.infer<typeof progressDataSchema>;

/** Bounds the history so years of use stay small in workspace state. */
export const HISTORY_LIMIT = 5000;
/** Bounds the review log the same way (retention is read from the recent part). */
export const REVIEW_LOG_LIMIT = 5000;

export function emptyProgress(): ProgressData {
  return { version: PROGRESS_VERSION, topics: {}, exercises: {}, history: [], practice: {}, cards: {}, reviewLog: [], quizzes: {} };
}

/**
 * A topic's stored progress. Own keys only: ids are slugs, and a topic named "constructor" must not
 * find Object.prototype's. Every lookup by id goes through here or exercisePassed.
 */
export function topicProgress(data: ProgressData, topicId: string): TopicProgress | undefined {
  return Object.hasOwn(data.topics, topicId) ? data.topics[topicId] : undefined;
}

export function exercisePassed(data: ProgressData, exerciseId: string): boolean {
  return Object.hasOwn(data.exercises, exerciseId);
}

/** A project's milestones that passed in order at its last check (own keys only); empty when none did. */
export function milestonesPassed(data: ProgressData, exerciseId: string): string[] {
  return practiceOf(data, exerciseId).milestones ?? [];
}

/** An exercise's practice record (own keys only, like every lookup by id). */
export function practiceOf(data: ProgressData, exerciseId: string): Practice {
  return Object.hasOwn(data.practice, exerciseId) ? (data.practice[exerciseId] ?? {}) : {};
}

/** A topic's quiz result (own keys only). */
export function quizOf(data: ProgressData, topicId: string): QuizResult | undefined {
  return Object.hasOwn(data.quizzes, topicId) ? data.quizzes[topicId] : undefined;
}

/** A review card (own keys only). */
export function cardOf(data: ProgressData, cardId: string): StoredCard | undefined {
  return Object.hasOwn(data.cards, cardId) ? data.cards[cardId] : undefined;
}

/** A quiz is passed at 80% or more. */
export const QUIZ_PASS_SHARE = 0.8;

/** After this many failed checks the reference solution is offered before a pass, with a confirmation. */
export const compareAfterFailedChecks = 3;

/**
 * Whether the reference solution may be compared: freely after a pass, after a confirmation once
 * three checks failed, otherwise not yet (trying is how the exercise teaches).
 */
export function solutionOffer(data: ProgressData, exerciseId: string): 'free' | 'confirm' | 'notYet' {
  if (exercisePassed(data, exerciseId)) return 'free';
  return (practiceOf(data, exerciseId).failedChecks ?? 0) >= compareAfterFailedChecks ? 'confirm' : 'notYet';
}

/** The key a revealed hint is recorded under. */
export function hintKey(scenario: string, id: string): string {
  return `${scenario}#${id}`;
}

/**
 * Verified: the learner showed it, not just said it. Every exercise of the topic passes and its quiz
 * was passed (80% or more). "Done" stays what the learner marks or ticks; the two are shown side by side.
 */
export function isVerified(topic: Pick<TopicOutline, 'id' | 'exercises'>, data: ProgressData): boolean {
  return quizOf(data, topic.id)?.passedAt !== undefined && topic.exercises.every((id) => exercisePassed(data, id));
}

export function topicStatus(data: ProgressData, topicId: string): TopicStatus {
  const t = topicProgress(data, topicId);
  if (!t) return 'notStarted';
  return t.status ?? (t.checked.length > 0 ? 'inProgress' : 'notStarted');
}

/** Checked items that still exist in the topic; stale ids are kept in storage but not counted. */
export function checkedCount(data: ProgressData, topic: TopicOutline): number {
  const checked = new Set(topicProgress(data, topic.id)?.checked ?? []);
  return topic.checklist.filter((item) => checked.has(item.id)).length;
}

export interface Tally {
  done: number;
  inProgress: number;
  skipped: number;
  /** Topics whose exercises pass and whose quiz was passed (done or not: verified is separate). */
  verified: number;
  /** Topics that count towards the percentage: all but skipped. */
  counted: number;
  percent: number;
  verifiedPercent: number;
}

export function tallyTopics(topics: readonly TopicOutline[], data: ProgressData): Tally {
  let done = 0;
  let inProgress = 0;
  let skipped = 0;
  let verified = 0;
  for (const topic of topics) {
    const s = topicStatus(data, topic.id);
    // Counted like done: a skipped topic is out of the share, verified or not.
    if (s !== 'skipped' && isVerified(topic, data)) verified++;
    if (s === 'done') done++;
    else if (s === 'inProgress') inProgress++;
    else if (s === 'skipped') skipped++;
  }
  const counted = topics.length - skipped;
  const percent = counted === 0 ? 0 : Math.round((done / counted) * 100);
  const verifiedPercent = counted === 0 ? 0 : Math.round((verified / counted) * 100);
  return { done, inProgress, skipped, verified, counted, percent, verifiedPercent };
}

export function phaseTally(phase: PhaseOutline, data: ProgressData): Tally {
  return tallyTopics(phase.topics, data);
}

export function roadmapTally(roadmap: RoadmapOutline, data: ProgressData): Tally {
  return tallyTopics(allTopics(roadmap), data);
}

export function allTopics(roadmap: RoadmapOutline): TopicOutline[] {
  return roadmap.phases.flatMap((p) => p.topics);
}

/** Estimated hours of the topics not yet done or skipped, and of all topics. */
export function hoursLeft(roadmap: RoadmapOutline, data: ProgressData): { left: number; total: number } {
  let left = 0;
  let total = 0;
  for (const topic of allTopics(roadmap)) {
    total += topic.estimatedHours;
    const s = topicStatus(data, topic.id);
    if (s !== 'done' && s !== 'skipped') left += topic.estimatedHours;
  }
  return { left: Math.round(left * 10) / 10, total: Math.round(total * 10) / 10 };
}

export interface WeekActivity {
  /** Monday of the week, YYYY-MM-DD (UTC). */
  weekStart: string;
  topicsDone: number;
  exercisesPassed: number;
}

/**
 * Completions per week for the last `weeks` weeks, oldest first: topics that became done (the last
 * time each did, so toggling does not count twice) and exercises that passed.
 */
export function weeklyActivity(data: ProgressData, now: Date, weeks = 12, topicIds?: ReadonlySet<string>): WeekActivity[] {
  const monday = (d: Date) => {
    const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
    return day;
  };
  const first = monday(now);
  first.setUTCDate(first.getUTCDate() - 7 * (weeks - 1));
  const out: WeekActivity[] = Array.from({ length: weeks }, (_, i) => {
    const d = new Date(first);
    d.setUTCDate(d.getUTCDate() + 7 * i);
    return { weekStart: d.toISOString().slice(0, 10), topicsDone: 0, exercisesPassed: 0 };
  });
  const slot = (iso: string) => {
    const t = Date.parse(iso);
    if (Number.isNaN(t)) return undefined;
    const i = Math.floor((t - first.getTime()) / (7 * 24 * 3600 * 1000));
    return i >= 0 && i < weeks ? out[i] : undefined;
  };
  const lastDone = new Map<string, string>();
  for (const e of data.history) {
    if (topicIds && !topicIds.has(e.topicId)) continue;
    if (e.status === 'done') lastDone.set(e.topicId, e.at);
    else lastDone.delete(e.topicId);
  }
  for (const [id, at] of lastDone) {
    if (topicStatus(data, id) !== 'done') continue;
    const w = slot(at);
    if (w) w.topicsDone++;
  }
  for (const { passedAt } of Object.values(data.exercises)) {
    const w = slot(passedAt);
    if (w) w.exercisesPassed++;
  }
  return out;
}
