// The contract between the extension host and the quiz page (topic quizzes, placement checks and
// review sessions). Imported by the webview bundle too.
import '../../domain/shared/zodSetup';
import * as z from 'zod/mini';
import { defineProtocol, idSchema as id, readyMessageSchema } from '../../platform/webview/protocol';

const text = z.string().check(z.maxLength(20_000));
const kind = z.enum(['recall', 'choice', 'code', 'note']);

const itemSchema = z.object({
  topicId: id,
  topicTitle: text,
  kind,
  prompt: text,
  code: z.optional(z.object({ language: z.string().check(z.maxLength(40)), text })),
});

const stepSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('question'), item: itemSchema, options: z.array(text) }),
  z.object({
    type: z.literal('feedback'),
    item: itemSchema,
    correct: z.boolean(),
    options: z.array(z.object({ text, why: text, correct: z.boolean(), chosen: z.boolean() })),
  }),
  z.object({ type: z.literal('recallAnswer'), item: itemSchema, answer: text, why: z.optional(text) }),
  z.object({
    type: z.literal('summary'),
    correct: z.number(),
    total: z.number(),
    percent: z.number(),
    passed: z.optional(z.boolean()),
    known: z.array(z.object({ id, title: text })),
    toLearn: z.array(z.object({ id, title: text })),
  }),
]);

export const quizViewSchema = z.object({
  mode: z.enum(['topic', 'placement', 'review']),
  title: text,
  index: z.number(),
  total: z.number(),
  correct: z.number(),
  step: stepSchema,
  /** Cards still due today after this session, for the summary's "review now" offer. */
  dueToday: z.number(),
});
export type QuizView = z.infer<typeof quizViewSchema>;

/** When there is nothing to ask: no questions on the topic, or no card due. */
export const quizEmptySchema = z.object({
  title: text,
  message: text,
  /** The next time a card falls due, as an ISO date, if any. */
  nextDue: z.optional(z.string()),
});

export const quizHostMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('showQuiz'), view: quizViewSchema }),
  z.object({ type: z.literal('showEmpty'), view: quizEmptySchema }),
]);
export type QuizHostMessage = z.infer<typeof quizHostMessageSchema>;

export const quizPageMessageSchema = z.discriminatedUnion('type', [
  readyMessageSchema,
  z.object({ type: z.literal('answer'), option: text }),
  z.object({ type: z.literal('reveal') }),
  z.object({ type: z.literal('grade'), grade: z.enum(['again', 'hard', 'good', 'easy']) }),
  z.object({ type: z.literal('next') }),
  z.object({ type: z.literal('openTopic'), topicId: id }),
  z.object({ type: z.literal('startReview') }),
  z.object({ type: z.literal('retry') }),
]);
export type QuizPageMessage = z.infer<typeof quizPageMessageSchema>;

/** No state: a session lives in the host; after a reload the page shows what the host has. */
export const quizProtocol = defineProtocol({ host: quizHostMessageSchema, page: quizPageMessageSchema });
