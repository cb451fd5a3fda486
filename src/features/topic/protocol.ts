// The contract between the extension host and the topic webview. Both sides parse every incoming
// message with these schemas and drop what does not match. Imported by the webview bundle too.
import '../../domain/shared/zodSetup';
import * as z from 'zod/mini';
import { topicStatuses } from '../../domain/progress/status';
import { flavours } from '../../domain/exercises/flavourIds';
import { defineProtocol, idSchema as id, readyMessageSchema } from '../../platform/webview/protocol';

const status = z.enum(topicStatuses);

const checkViewSchema = z.object({
  running: z.boolean(),
  outcome: z.optional(z.enum(['passed', 'failed', 'cancelled', 'timedOut'])),
  summary: z.optional(z.string()),
  results: z.array(
    z.object({
      name: z.string(),
      suite: z.array(z.string()),
      status: z.enum(['passed', 'failed', 'skipped', 'todo']),
      error: z.optional(z.string()),
      /** Hints the learner revealed for this failure, in order; the rest stay hidden until asked for. */
      hints: z.optional(z.array(z.string())),
      hintsLeft: z.optional(z.number().check(z.int(), z.nonnegative())),
    }),
  ),
});
export type CheckView = z.infer<typeof checkViewSchema>;

const milestoneStatus = z.enum(['passed', 'next', 'ahead']);

export const topicViewSchema = z.object({
  id,
  title: z.string(),
  phaseTitle: z.string(),
  summary: z.string(),
  why: z.string(),
  estimatedHours: z.number(),
  status,
  prerequisites: z.array(z.object({ id, title: z.string(), status })),
  checklist: z.array(z.object({ id, text: z.string(), checked: z.boolean() })),
  resources: z.array(z.object({ title: z.string(), type: z.string(), url: z.string() })),
  /** The topic's quiz: how many questions, the best score so far (0..1), whether it passed; and verified. */
  quiz: z.object({
    questions: z.number(),
    best: z.optional(z.number()),
    passed: z.boolean(),
    verified: z.boolean(),
    /** Review cards of this topic due today. */
    due: z.number(),
  }),
  /** The learner's notes file for this topic: whether it exists, and its first words. */
  notes: z.object({ exists: z.boolean(), path: z.string(), excerpt: z.string() }),
  /** On the topic about choosing a language: the learner's exercise language, changeable here. */
  language: z.optional(
    z.object({
      current: z.enum(flavours),
      options: z.array(z.object({ id: z.enum(flavours), label: z.string(), exercises: z.number(), needs: z.string() })),
      total: z.number(),
    }),
  ),
  exercises: z.array(
    z.object({
      id,
      title: z.string(),
      description: z.string(),
      passed: z.boolean(),
      /** Its folder exists in the workspace, so it can be checked. */
      scaffolded: z.boolean(),
      /** Checks are off in Restricted Mode. */
      canCheck: z.boolean(),
      check: z.optional(checkViewSchema),
      /** The behavioural spec's scenarios, in plain words: what a check verifies, in every language. */
      spec: z.optional(z.array(z.string())),
      /** Checks that ran and did not pass, so far. */
      failedChecks: z.number().check(z.int(), z.nonnegative()),
      /** The reference solution can be compared: after a pass, or after three failed checks (then with a confirmation). */
      canCompare: z.boolean(),
      /** A project: its milestones in order, as its last check left them, with the titles of the topics each practises. */
      milestones: z.optional(z.array(z.object({ title: z.string(), status: milestoneStatus, topics: z.array(z.string()) }))),
    }),
  ),
  /** Project milestones that practise this topic, in projects scaffolded from another topic's page. */
  practisedIn: z.optional(
    z.array(
      z.object({
        /** The topic whose page holds the project. */
        topicId: id,
        project: z.string(),
        milestone: z.number().check(z.int(), z.positive()),
        total: z.number().check(z.int(), z.positive()),
        title: z.string(),
        status: milestoneStatus,
      }),
    ),
  ),
});
export type TopicView = z.infer<typeof topicViewSchema>;

export const topicHostMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('showTopic'), topic: topicViewSchema }),
  z.object({ type: z.literal('missingTopic'), topicId: id }),
]);
export type TopicHostMessage = z.infer<typeof topicHostMessageSchema>;

export const topicPageMessageSchema = z.discriminatedUnion('type', [
  readyMessageSchema,
  z.object({ type: z.literal('toggleItem'), topicId: id, itemId: id, checked: z.boolean() }),
  z.object({ type: z.literal('setStatus'), topicId: id, status }),
  // By index, so the webview can only open URLs that the roadmap itself lists.
  z.object({ type: z.literal('openResource'), topicId: id, index: z.number().check(z.int(), z.nonnegative()) }),
  z.object({ type: z.literal('openTopic'), topicId: id }),
  z.object({ type: z.literal('scaffold'), topicId: id, exerciseId: id }),
  z.object({ type: z.literal('check'), exerciseId: id }),
  z.object({ type: z.literal('openNotes'), topicId: id }),
  z.object({ type: z.literal('takeQuiz'), topicId: id }),
  z.object({ type: z.literal('openSpec'), exerciseId: id }),
  // The next hint of a failed scenario, named as the last check reported it.
  z.object({ type: z.literal('revealHint'), exerciseId: id, scenario: z.string().check(z.maxLength(1000)) }),
  z.object({ type: z.literal('compareSolution'), exerciseId: id }),
  z.object({ type: z.literal('setExerciseLanguage'), language: z.enum(flavours) }),
]);
export type TopicPageMessage = z.infer<typeof topicPageMessageSchema>;

/** What the webview persists with setState, and the serializer reads back after a reload. */
export const topicStateSchema = z.object({ topicId: id });
export type TopicState = z.infer<typeof topicStateSchema>;

export const topicProtocol = defineProtocol({ host: topicHostMessageSchema, page: topicPageMessageSchema, state: topicStateSchema });
