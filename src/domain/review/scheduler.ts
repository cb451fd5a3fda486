// Spaced repetition with FSRS (ts-fsrs), default parameters and fuzz on, as the issue asks: the
// scheduler is the library's; this file only stores its cards as JSON and answers questions about them.
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import type { Card, Grade } from 'ts-fsrs';
import type { ReviewEntry, StoredCard } from '../progress/progress';

export const gradeNames = ['again', 'hard', 'good', 'easy'] as const;
export type GradeName = (typeof gradeNames)[number];

const ratings: Record<GradeName, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

/** One scheduler: default FSRS parameters, fuzz on (spreads cards answered together over nearby days). */
export const scheduler = fsrs({ enable_fuzz: true });

export function toCard(stored: StoredCard | undefined, now: Date): Card {
  if (!stored) return createEmptyCard(now);
  return {
    due: new Date(stored.due),
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: 0,
    scheduled_days: stored.scheduledDays,
    learning_steps: stored.learningSteps,
    reps: stored.reps,
    lapses: stored.lapses,
    state: stored.state,
    ...(stored.lastReview ? { last_review: new Date(stored.lastReview) } : {}),
  };
}

export function toStored(card: Card, topicId: string): StoredCard {
  return {
    topicId,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { lastReview: card.last_review.toISOString() } : {}),
  };
}

/** Answers a card (new when `stored` is undefined): its next state and the log entry. */
export function answerCard(
  cardId: string,
  topicId: string,
  stored: StoredCard | undefined,
  grade: GradeName,
  now: Date,
): { card: StoredCard; entry: ReviewEntry } {
  const before = toCard(stored, now);
  const { card } = scheduler.next(before, now, ratings[grade]);
  return {
    card: toStored(card, topicId),
    entry: { at: now.toISOString(), cardId, rating: ratings[grade], state: before.state },
  };
}

/** The end of the learner's day (local midnight): "due today" means due before it. */
export function endOfDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
}

/**
 * Whether a card is due now: a learned card (review state) any time on its due day; a card in its
 * learning or relearning steps (minutes apart) only once its step is over, else the step is lost.
 */
export function isDue(card: StoredCard, now: Date): boolean {
  const due = Date.parse(card.due);
  if (Number.isNaN(due)) return false;
  if (card.state === 1 || card.state === 3) return due <= now.getTime();
  return due < endOfDay(now).getTime();
}

/** Card ids due now (see isDue), most overdue first, then the weakest memory first: FSRS order. */
export function dueCardIds(cards: Readonly<Record<string, StoredCard>>, now: Date): string[] {
  return Object.entries(cards)
    .filter(([, c]) => isDue(c, now))
    .sort(([, a], [, b]) => Date.parse(a.due) - Date.parse(b.due) || a.stability - b.stability)
    .map(([id]) => id);
}

/** Cards still in their learning steps that fall due later today (shown as "later today"). */
export function laterToday(cards: Readonly<Record<string, StoredCard>>, now: Date): number {
  const end = endOfDay(now).getTime();
  return Object.values(cards).filter((c) => !isDue(c, now) && Date.parse(c.due) < end).length;
}

/**
 * Reviews due on each of the next `days` days, today first (today includes anything overdue), in the
 * learner's local days.
 */
export function forecast(cards: Readonly<Record<string, StoredCard>>, now: Date, days = 14): { day: string; due: number }[] {
  const out = Array.from({ length: days }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + i);
    return { day: localDay(d), start: d.getTime(), due: 0 };
  });
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days).getTime();
  for (const c of Object.values(cards)) {
    const t = Date.parse(c.due);
    if (Number.isNaN(t) || t >= end) continue;
    let i = out.length - 1;
    while (i > 0 && t < (out[i]?.start ?? 0)) i--;
    const slot = out[i];
    if (slot) slot.due++;
  }
  return out.map(({ day, due }) => ({ day, due }));
}

export interface Retention {
  /** Answers to cards that were already learned (review state) in the window. */
  reviews: number;
  /** Of those, answered hard, good or easy. */
  recalled: number;
  /** recalled / reviews, or undefined with no reviews yet. */
  rate: number | undefined;
}

/** True retention over the last `windowDays` days: how often a learned card was recalled when due. */
export function retention(log: readonly ReviewEntry[], now: Date, windowDays = 30): Retention {
  const since = now.getTime() - windowDays * 24 * 3600 * 1000;
  let reviews = 0;
  let recalled = 0;
  for (const e of log) {
    if (e.state !== 2 || Date.parse(e.at) < since) continue;
    reviews++;
    if (e.rating > 1) recalled++;
  }
  return { reviews, recalled, rate: reviews === 0 ? undefined : recalled / reviews };
}

function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
