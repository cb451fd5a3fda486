// One quiz, placement check or review session, as a small state machine the quiz page draws. Pure:
// the panel applies the ops it hands back, so every answer is saved the moment it is given.
import type { Question } from '../roadmap/schema';
import { QUIZ_PASS_SHARE } from '../progress/progress';
import * as ops from '../progress/ops';
import type { CardAnswer, ProgressOp } from '../progress/ops';
import { gradeChoice, gradeCounts, knownTopics, score, shuffled } from './quiz';
import type { GradeName } from './scheduler';

export const sessionModes = ['topic', 'placement', 'review'] as const;
export type SessionMode = (typeof sessionModes)[number];

/** A card the learner wrote in their notes: answered like a recall question. */
export interface NoteQuestion {
  kind: 'note';
  id: string;
  question: string;
  answer: string;
}

export interface SessionItem {
  cardId: string;
  topicId: string;
  topicTitle: string;
  question: Question | NoteQuestion;
}

export type ItemKind = Question['kind'] | 'note';

/** What the page shows of the current question (never the answer before it is given). */
export interface ItemView {
  topicId: string;
  topicTitle: string;
  kind: ItemKind;
  prompt: string;
  code?: { language: string; text: string };
}

export type StepView =
  | { type: 'question'; item: ItemView; options: string[] }
  | {
      type: 'feedback';
      item: ItemView;
      correct: boolean;
      options: { text: string; why: string; correct: boolean; chosen: boolean }[];
    }
  | { type: 'recallAnswer'; item: ItemView; answer: string; why?: string }
  | {
      type: 'summary';
      correct: number;
      total: number;
      percent: number;
      passed?: boolean;
      known: { id: string; title: string }[];
      toLearn: { id: string; title: string }[];
    };

export interface SessionView {
  mode: SessionMode;
  title: string;
  index: number;
  total: number;
  correct: number;
  step: StepView;
}

interface Result {
  topicId: string;
  topicTitle: string;
  correct: boolean;
}

export class QuizSession {
  private index = 0;
  private stage: 'asking' | 'answered' | 'revealed' = 'asking';
  private chosen: string | undefined;
  private readonly results: Result[] = [];
  private readonly order: string[][];
  private finished = false;

  constructor(
    readonly mode: SessionMode,
    readonly title: string,
    readonly items: readonly SessionItem[],
    /** The topic a topic quiz is about (recorded with its score). */
    readonly topicId?: string,
    seed = Date.now(),
  ) {
    this.order = items.map((item, i) =>
      'options' in item.question
        ? shuffled(
            item.question.options.map((o) => o.text),
            seed + i,
          )
        : [],
    );
  }

  get done(): boolean {
    return this.index >= this.items.length;
  }

  private get current(): SessionItem | undefined {
    return this.items[this.index];
  }

  /** Picks an option of a choice or code question; the answer is graded and its card scheduled. */
  answer(text: string): ProgressOp | undefined {
    const item = this.current;
    if (!item || this.stage !== 'asking' || !('options' in item.question)) return undefined;
    const q = item.question;
    if (!q.options.some((o) => o.text === text)) return undefined;
    const { correct, grade } = gradeChoice(q, text);
    this.chosen = text;
    this.stage = 'answered';
    return this.record(item, correct, grade);
  }

  /** Shows a recall or note card's answer, for the learner to grade themselves. */
  reveal(): boolean {
    const item = this.current;
    if (!item || this.stage !== 'asking' || 'options' in item.question) return false;
    this.stage = 'revealed';
    return true;
  }

  /** The learner's own grade for a revealed recall or note card; it moves on at once. */
  grade(grade: GradeName): ProgressOp | undefined {
    const item = this.current;
    if (!item || this.stage !== 'revealed') return undefined;
    const op = this.record(item, gradeCounts(grade), grade);
    this.advance();
    return op;
  }

  /** After feedback on a choice: the next question (or the summary). */
  next(): boolean {
    if (this.stage !== 'answered') return false;
    this.advance();
    return true;
  }

  /**
   * Once every question is answered: the quiz's score (topic), or what the learner already knows
   * marked done (placement; their cards are already scheduled, so they come back for review).
   */
  finish(): ProgressOp | undefined {
    if (!this.done || this.finished) return undefined;
    this.finished = true;
    const correct = this.results.filter((r) => r.correct).length;
    if (this.mode === 'topic' && this.topicId) return ops.recordQuiz(this.topicId, correct, this.results.length);
    if (this.mode === 'placement') return ops.combine(...knownTopics(this.results).map((id) => ops.markKnown(id)));
    return undefined;
  }

  view(): SessionView {
    const correct = this.results.filter((r) => r.correct).length;
    const base = { mode: this.mode, title: this.title, index: Math.min(this.index, this.items.length), total: this.items.length, correct };
    const item = this.current;
    if (!item) return { ...base, step: this.summary(correct) };
    const itemView = viewOf(item);
    const q = item.question;
    if (this.stage === 'answered' && 'options' in q) {
      const order = this.order[this.index] ?? [];
      const byText = new Map(q.options.map((o) => [o.text, o]));
      return {
        ...base,
        step: {
          type: 'feedback',
          item: itemView,
          correct: this.chosen === q.answer,
          options: order.map((text) => ({
            text,
            why: byText.get(text)?.why ?? '',
            correct: text === q.answer,
            chosen: text === this.chosen,
          })),
        },
      };
    }
    if (this.stage === 'revealed' && !('options' in q)) {
      return { ...base, step: { type: 'recallAnswer', item: itemView, answer: q.answer, ...(q.kind === 'recall' ? { why: q.why } : {}) } };
    }
    return { ...base, step: { type: 'question', item: itemView, options: this.order[this.index] ?? [] } };
  }

  private summary(correct: number): StepView {
    const total = this.results.length;
    const percent = Math.round(score(correct, total) * 100);
    const titles = new Map(this.results.map((r) => [r.topicId, r.topicTitle]));
    const known = this.mode === 'placement' ? knownTopics(this.results) : [];
    const toLearn = this.mode === 'placement' ? [...titles.keys()].filter((id) => !known.includes(id)) : [];
    const named = (ids: string[]) => ids.map((id) => ({ id, title: titles.get(id) ?? id }));
    return {
      type: 'summary',
      correct,
      total,
      percent,
      ...(this.mode === 'topic' ? { passed: score(correct, total) >= QUIZ_PASS_SHARE } : {}),
      known: named(known),
      toLearn: named(toLearn),
    };
  }

  private record(item: SessionItem, correct: boolean, grade: GradeName): ProgressOp {
    this.results.push({ topicId: item.topicId, topicTitle: item.topicTitle, correct });
    const answer: CardAnswer = { cardId: item.cardId, topicId: item.topicId, grade };
    return ops.answerCards([answer]);
  }

  private advance(): void {
    this.index++;
    this.stage = 'asking';
    this.chosen = undefined;
  }
}

function viewOf(item: SessionItem): ItemView {
  const q = item.question;
  return {
    topicId: item.topicId,
    topicTitle: item.topicTitle,
    kind: q.kind,
    prompt: q.question,
    ...(q.kind === 'code' ? { code: { language: q.language, text: q.code } } : {}),
  };
}
