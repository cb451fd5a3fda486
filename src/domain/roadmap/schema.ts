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

// Descriptions (`.check(z.describe(…))`) are what an editor shows on hover and in completion, through
// the JSON Schema that ../authoring/jsonSchemas.ts makes of these. `.check` returns a copy, so shared
// building blocks such as nonEmpty and slugSchema stay undescribed.

export const resourceTypeSchema = z.enum(['docs', 'article', 'video', 'course', 'book', 'tool']);

export const resourceSchema = z.strictObject({
  title: nonEmpty.check(z.describe('The link text on the topic page.')),
  url: z.url({ protocol: /^https$/, error: 'must be an https URL' }).check(z.describe('Where it is; https only.')),
  type: resourceTypeSchema.check(z.describe('What kind of resource it is.')),
});

export const checklistItemSchema = z.strictObject({
  id: slugSchema.check(z.describe('Unique within its topic; ticks are stored by it, so keep it stable.')),
  text: nonEmpty.check(z.describe('Something the learner can do once they know the topic.')),
});

/** A wrong or right choice, with why: a learner who picks it reads this. */
export const questionOptionSchema = z.strictObject({
  text: nonEmpty.check(z.describe('The option as the learner sees it.')),
  why: nonEmpty.check(z.describe('Why this option is right or wrong; shown once answered.')),
});

/** Languages a code-reading question's snippet may be in (shown as its label). */
export const codeLanguages = ['http', 'sql', 'javascript', 'typescript', 'python', 'go', 'shell', 'yaml', 'json', 'text'] as const;

const questionBase = {
  id: slugSchema.check(z.describe('Unique within its topic; review cards are stored as <topic id>/<question id>, so keep it stable.')),
  question: nonEmpty.check(z.describe('The question as the learner reads it.')),
};

const options = z
  .array(questionOptionSchema)
  .check(
    z.minLength(2, 'needs at least two options'),
    z.maxLength(6, 'at most six options'),
    z.describe('Two to six options, each saying why it is right or wrong.'),
  );
const rightOption = nonEmpty.check(z.describe('The text of the one right option.'));

/** Short recall: the learner answers in their head, then grades themselves against the model answer. */
export const recallQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('recall').check(z.describe('recall: answered in the head, then graded by the learner against the model answer.')),
  answer: nonEmpty.check(z.describe('The model answer.')),
  why: nonEmpty.check(z.describe('Why this matters; shown with the answer.')),
});

/** Multiple choice, graded automatically; `answer` is the text of the one right option. */
export const choiceQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('choice').check(z.describe('choice: multiple choice, graded automatically.')),
  options,
  answer: rightOption,
});

/** Code reading: what a request, response, query or snippet does or returns; graded like a choice. */
export const codeQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('code').check(z.describe('code: read a snippet and pick what it does or returns; graded like a choice.')),
  language: z.enum(codeLanguages).check(z.describe("The snippet's language, shown as its label.")),
  code: nonEmpty.check(z.describe('The snippet to read.')),
  options,
  answer: rightOption,
});

export const questionSchema = z.discriminatedUnion('kind', [recallQuestionSchema, choiceQuestionSchema, codeQuestionSchema]);

export const topicSchema = z.strictObject({
  id: slugSchema.check(z.describe('Unique in the roadmap; progress is stored by it, so keep it stable (record a rename in `renamed`).')),
  title: nonEmpty.check(z.describe('The topic name in the tree and on its page.')),
  summary: nonEmpty.check(z.describe('What the topic is, in two to four sentences.')),
  why: nonEmpty.check(z.describe('One line on why it matters.')),
  estimatedHours: hours(500).check(z.describe('Hours of study it takes (at most 500).')),
  prerequisites: optionalList(slugSchema).check(z.describe('Ids of topics to learn first; cycles are rejected.')),
  checklist: atLeastOne(checklistItemSchema, 'checklist item').check(
    z.describe('What the learner can do once they know the topic; ticked on its page.'),
  ),
  resources: atLeastOne(resourceSchema, 'resource').check(z.describe('Where to learn it: https links.')),
  exercises: optionalList(slugSchema).check(z.describe('Ids of the exercises that practise it.')),
  questions: optionalList(questionSchema).check(z.describe('Quiz and review questions: recall, choice or code.')),
});

export const phaseSchema = z.strictObject({
  id: slugSchema.check(z.describe('Unique in the roadmap.')),
  title: nonEmpty.check(z.describe('The phase name in the tree.')),
  summary: z.optional(nonEmpty.check(z.describe('A one-line summary.'))),
  // e.g. a seed's "2–4 weeks" for the phase.
  estimatedHours: z.optional(hours(2000).check(z.describe("Hours for the whole phase; overrides the sum of its topics' estimates."))),
  topics: atLeastOne(topicSchema, 'topic').check(z.describe('The topics of this phase, in learning order.')),
});

/** A career path (job role): a named set of topics from the roadmap. */
export const pathSchema = z.strictObject({
  id: slugSchema.check(z.describe('Unique among the paths.')),
  title: nonEmpty.check(z.describe('The job role, as offered beside the roadmaps.')),
  summary: nonEmpty.check(z.describe('What the role does.')),
  topics: atLeastOne(slugSchema, 'topic').check(z.describe('Ids of the topics the role needs.')),
});

/** A project idea and the topics it practises. */
export const projectSchema = z.strictObject({
  id: slugSchema.check(z.describe('Unique among the projects.')),
  title: nonEmpty.check(z.describe('The project name.')),
  summary: nonEmpty.check(z.describe('What gets built.')),
  level: z.enum(['beginner', 'intermediate', 'advanced']).check(z.describe('How hard it is.')),
  topics: atLeastOne(slugSchema, 'topic').check(z.describe('Ids of the topics it practises.')),
  milestones: atLeastOne(nonEmpty, 'milestone').check(z.describe('The steps from a first version to the finished project.')),
  exercise: z.optional(
    slugSchema.check(z.describe('The id of an exercise that builds this project milestone by milestone (one with "milestones"), checked.')),
  ),
});

export const roadmapSchema = z.strictObject({
  schemaVersion: z.literal(1).check(z.describe('The version of this file format.')),
  kind: z._default(z.literal('roadmap'), 'roadmap').check(z.describe('roadmap (the default), or track for a roadmap built on another.')),
  id: slugSchema.check(z.describe('Unique among the roadmaps; a track names it in `basedOn`.')),
  title: nonEmpty.check(z.describe('The roadmap name, as offered in the roadmap picker.')),
  description: nonEmpty.check(z.describe('Who it is for and where it leads, in a sentence or two.')),
  renamed: z
    ._default(z.record(z.string(), slugSchema), {})
    .check(z.describe('Old topic id to new id, so stored progress follows a rename.')),
  phases: atLeastOne(phaseSchema, 'phase').check(z.describe('The phases, in learning order.')),
  paths: optionalList(pathSchema).check(z.describe('Career paths: named sets of its topics, selectable like roadmaps.')),
  projects: optionalList(projectSchema).check(z.describe('Project ideas and the topics they practise.')),
});

/**
 * A roadmap built on another roadmap's topic pool: phases name its topics by id, so progress (kept
 * per topic id) is shared between the two. A track may also add topics of its own (written out in
 * full) and retitle the base's topics (`titles`), e.g. a course built on the bundled roadmap.
 */
export const trackSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal('track').check(z.describe('A track: a roadmap built on the topics of another (basedOn).')),
  id: slugSchema.check(z.describe("The track's id; the roadmap picker and stored choice use it.")),
  title: nonEmpty.check(z.describe('The name shown in the roadmap picker and the tree.')),
  description: nonEmpty.check(z.describe('One or two sentences: what the track covers, and for whom.')),
  basedOn: slugSchema.check(
    z.describe('The id of the roadmap whose topics this track names (a bundled one such as "backend", or a workspace roadmap).'),
  ),
  titles: z
    ._default(z.record(slugSchema, nonEmpty), {})
    .check(z.describe('Topic id -> the title this track shows for it (the base roadmap keeps its own).')),
  phases: atLeastOne(
    z.strictObject({
      id: slugSchema.check(z.describe('Unique within the track.')),
      title: nonEmpty.check(z.describe('The phase as the tree shows it.')),
      summary: z.optional(nonEmpty),
      /** The seeds give week estimates per step; kept as hours for the whole phase. */
      estimatedHours: z.optional(hours(2000)).check(z.describe('Hours for the whole phase; overrides the sum of its topics.')),
      topics: atLeastOne(z.union([slugSchema, topicSchema]), 'topic').check(
        z.describe("Topics of the base roadmap by id (progress is shared with it), or topics of the track's own written out in full."),
      ),
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
