import '../shared/zodSetup';
import * as z from 'zod/mini';
import { slugSchema } from './slug';

export { slugSchema };

// zod/mini keeps the extension bundle small (the classic API is ~400 KB more) at the cost of a
// slightly wordier schema syntax.

const nonEmpty = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const atLeastOne = <T extends z.ZodMiniType>(item: T, what: string) => z.array(item).check(z.minLength(1, `needs at least one ${what}`));
const optionalList = <T extends z.ZodMiniType>(item: T) => z._default(z.array(item), []);
const hours = (max: number) => z.number().check(z.positive(), z.maximum(max));

export const resourceTypeSchema = z.enum(['docs', 'article', 'video', 'course', 'book', 'tool']);

export const resourceSchema = z.strictObject({
  title: nonEmpty,
  url: z.url({ protocol: /^https$/, error: 'must be an https URL' }),
  type: resourceTypeSchema,
});

export const checklistItemSchema = z.strictObject({
  id: slugSchema,
  text: nonEmpty,
});

/** A wrong or right choice, with why: a learner who picks it reads this. */
export const questionOptionSchema = z.strictObject({
  text: nonEmpty,
  why: nonEmpty,
});

/** Languages a code-reading question's snippet may be in (shown as its label). */
export const codeLanguages = ['http', 'sql', 'javascript', 'typescript', 'python', 'go', 'shell', 'yaml', 'json', 'text'] as const;

const questionBase = {
  /** Stable within its topic: review cards are keyed by `<topic id>/<question id>`. */
  id: slugSchema,
  question: nonEmpty,
};

const options = z.array(questionOptionSchema).check(z.minLength(2, 'needs at least two options'), z.maxLength(6, 'at most six options'));

/** Short recall: the learner answers in their head, then grades themselves against the model answer. */
export const recallQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('recall'),
  answer: nonEmpty,
  why: nonEmpty,
});

/** Multiple choice, graded automatically; `answer` is the text of the one right option. */
export const choiceQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('choice'),
  options,
  answer: nonEmpty,
});

/** Code reading: what a request, response, query or snippet does or returns; graded like a choice. */
export const codeQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('code'),
  language: z.enum(codeLanguages),
  code: nonEmpty,
  options,
  answer: nonEmpty,
});

export const questionSchema = z.discriminatedUnion('kind', [recallQuestionSchema, choiceQuestionSchema, codeQuestionSchema]);

export const topicSchema = z.strictObject({
  id: slugSchema,
  title: nonEmpty,
  summary: nonEmpty,
  why: nonEmpty,
  estimatedHours: hours(500),
  prerequisites: optionalList(slugSchema),
  checklist: atLeastOne(checklistItemSchema, 'checklist item'),
  resources: atLeastOne(resourceSchema, 'resource'),
  exercises: optionalList(slugSchema),
  questions: optionalList(questionSchema),
});

export const phaseSchema = z.strictObject({
  id: slugSchema,
  title: nonEmpty,
  summary: z.optional(nonEmpty),
  /** Overrides the sum of the topics' estimates, e.g. a seed's "2–4 weeks" for the phase. */
  estimatedHours: z.optional(hours(2000)),
  topics: atLeastOne(topicSchema, 'topic'),
});

/** A career path (job role): a named set of topics from the roadmap. */
export const pathSchema = z.strictObject({
  id: slugSchema,
  title: nonEmpty,
  summary: nonEmpty,
  topics: atLeastOne(slugSchema, 'topic'),
});

/** A project idea and the topics it practises. */
export const projectSchema = z.strictObject({
  id: slugSchema,
  title: nonEmpty,
  summary: nonEmpty,
  level: z.enum(['beginner', 'intermediate', 'advanced']),
  topics: atLeastOne(slugSchema, 'topic'),
  milestones: atLeastOne(nonEmpty, 'milestone'),
});

export const roadmapSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z._default(z.literal('roadmap'), 'roadmap'),
  id: slugSchema,
  title: nonEmpty,
  description: nonEmpty,
  // old id -> new id, so stored progress can follow a rename.
  renamed: z._default(z.record(z.string(), slugSchema), {}),
  phases: atLeastOne(phaseSchema, 'phase'),
  paths: optionalList(pathSchema),
  projects: optionalList(projectSchema),
});

/**
 * A roadmap built on another roadmap's topic pool: phases name its topics by id, so progress (kept
 * per topic id) is shared between the two. A track may also add topics of its own (written out in
 * full) and retitle the base's topics (`titles`), e.g. a course built on the bundled roadmap.
 */
export const trackSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal('track'),
  id: slugSchema,
  title: nonEmpty,
  description: nonEmpty,
  basedOn: slugSchema,
  /** topic id -> the title this track shows for it. */
  titles: z._default(z.record(slugSchema, nonEmpty), {}),
  phases: atLeastOne(
    z.strictObject({
      id: slugSchema,
      title: nonEmpty,
      summary: z.optional(nonEmpty),
      /** The seeds give week estimates per step; kept as hours for the whole phase. */
      estimatedHours: z.optional(hours(2000)),
      topics: atLeastOne(z.union([slugSchema, topicSchema]), 'topic'),
    }),
    'phase',
  ),
});

export type Resource = z.infer<typeof resourceSchema>;
export type ResourceType = z.infer<typeof resourceTypeSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type Question = z.infer<typeof questionSchema>;
export type RecallQuestion = z.infer<typeof recallQuestionSchema>;
export type ChoiceQuestion = z.infer<typeof choiceQuestionSchema>;
export type CodeQuestion = z.infer<typeof codeQuestionSchema>;
export type QuestionOption = z.infer<typeof questionOptionSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type CareerPath = z.infer<typeof pathSchema>;
export type Project = z.infer<typeof projectSchema>;
export type Roadmap = z.infer<typeof roadmapSchema>;
export type Track = z.infer<typeof trackSchema>;

/**
 * What the tree, the status bar and progress maths need of a topic. Activation loads only this;
 * the rest (TopicDetails) is read when a topic page opens.
 */
export type TopicOutline = Pick<Topic, 'id' | 'title' | 'summary' | 'estimatedHours' | 'prerequisites' | 'exercises'> & {
  checklist: Pick<ChecklistItem, 'id'>[];
};
export type TopicDetails = Pick<Topic, 'why' | 'checklist' | 'resources' | 'questions'>;
export type PhaseOutline = Omit<Phase, 'topics'> & { topics: TopicOutline[] };
export type RoadmapOutline = Omit<Roadmap, 'phases'> & { phases: PhaseOutline[] };
