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
});

export const phaseSchema = z.strictObject({
  id: slugSchema,
  title: nonEmpty,
  summary: nonEmpty.optional(),
  topics: z.array(topicSchema).min(1, 'needs at least one topic'),
});

export const roadmapSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: slugSchema,
  title: nonEmpty,
  description: nonEmpty,
  // old id -> new id, so stored progress can follow a rename.
  renamed: z.record(z.string(), slugSchema).default({}),
  phases: z.array(phaseSchema).min(1, 'needs at least one phase'),
});

export type Resource = z.infer<typeof resourceSchema>;
export type ResourceType = z.infer<typeof resourceTypeSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type Roadmap = z.infer<typeof roadmapSchema>;
