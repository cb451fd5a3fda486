import './zodSetup';
import { z } from 'zod';

// Stable slugs: progress is keyed by them, so they must survive edits to titles.
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "rest-apis"');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

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

/** A self-check question, kept for a later quiz feature. */
export const questionSchema = z.strictObject({
  question: nonEmpty,
  answer: nonEmpty,
  why: nonEmpty,
});

export const topicSchema = z.strictObject({
  id: slugSchema,
  title: nonEmpty,
  summary: nonEmpty,
  why: nonEmpty,
  estimatedHours: z.number().positive().max(500),
  prerequisites: z.array(slugSchema).default([]),
  checklist: z.array(checklistItemSchema).min(1, 'needs at least one checklist item'),
  resources: z.array(resourceSchema).min(1, 'needs at least one resource'),
  exercises: z.array(slugSchema).default([]),
  questions: z.array(questionSchema).default([]),
});

export const phaseSchema = z.strictObject({
  id: slugSchema,
  title: nonEmpty,
  summary: nonEmpty.optional(),
  /** Overrides the sum of the topics' estimates, e.g. a seed's "2–4 weeks" for the phase. */
  estimatedHours: z.number().positive().max(2000).optional(),
  topics: z.array(topicSchema).min(1, 'needs at least one topic'),
});

/** A career path (job role): a named set of topics from the roadmap. */
export const pathSchema = z.strictObject({
  id: slugSchema,
  title: nonEmpty,
  summary: nonEmpty,
  topics: z.array(slugSchema).min(1, 'needs at least one topic'),
});

/** A project idea and the topics it practises. */
export const projectSchema = z.strictObject({
  id: slugSchema,
  title: nonEmpty,
  summary: nonEmpty,
  level: z.enum(['beginner', 'intermediate', 'advanced']),
  topics: z.array(slugSchema).min(1, 'needs at least one topic'),
  milestones: z.array(nonEmpty).min(1, 'needs at least one milestone'),
});

export const roadmapSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal('roadmap').default('roadmap'),
  id: slugSchema,
  title: nonEmpty,
  description: nonEmpty,
  // old id -> new id, so stored progress can follow a rename.
  renamed: z.record(z.string(), slugSchema).default({}),
  phases: z.array(phaseSchema).min(1, 'needs at least one phase'),
  paths: z.array(pathSchema).default([]),
  projects: z.array(projectSchema).default([]),
});

/**
 * A shorter roadmap built from another roadmap's topic pool: phases list topic ids only, so
 * progress (kept per topic id) is shared between the two.
 */
export const trackSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal('track'),
  id: slugSchema,
  title: nonEmpty,
  description: nonEmpty,
  basedOn: slugSchema,
  phases: z
    .array(
      z.strictObject({
        id: slugSchema,
        title: nonEmpty,
        summary: nonEmpty.optional(),
        /** The seeds give week estimates per step; kept as hours for the whole phase. */
        estimatedHours: z.number().positive().max(2000).optional(),
        topics: z.array(slugSchema).min(1, 'needs at least one topic'),
      }),
    )
    .min(1, 'needs at least one phase'),
});

export type Resource = z.infer<typeof resourceSchema>;
export type ResourceType = z.infer<typeof resourceTypeSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type Question = z.infer<typeof questionSchema>;
export type CareerPath = z.infer<typeof pathSchema>;
export type Project = z.infer<typeof projectSchema>;
export type Roadmap = z.infer<typeof roadmapSchema>;
export type Track = z.infer<typeof trackSchema>;
