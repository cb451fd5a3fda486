import './zodSetup';
import * as z from 'zod/mini';
import { topicStatuses } from '../shared/status';
import type { Phase, Roadmap, Topic } from './roadmapSchema';

export const topicStatusSchema = z.enum(topicStatuses);
export type TopicStatus = z.infer<typeof topicStatusSchema>;

export const PROGRESS_VERSION = 1;

const topicProgressSchema = z.object({
  status: z.optional(topicStatusSchema),
  checked: z.array(z.string()),
  updatedAt: z.string(),
});

export const progressDataSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  topics: z.record(z.string(), topicProgressSchema),
  exercises: z.record(z.string(), z.object({ passedAt: z.string() })),
  currentTopic: z.optional(z.string()),
});

export type TopicProgress = z.infer<typeof topicProgressSchema>;
export type ProgressData = z.infer<typeof progressDataSchema>;

export function emptyProgress(): ProgressData {
  return { version: PROGRESS_VERSION, topics: {}, exercises: {} };
}

export function topicStatus(data: ProgressData, topicId: string): TopicStatus {
  const t = data.topics[topicId];
  if (!t) return 'notStarted';
  return t.status ?? (t.checked.length > 0 ? 'inProgress' : 'notStarted');
}

/** Checked items that still exist in the topic; stale ids are kept in storage but not counted. */
export function checkedCount(data: ProgressData, topic: Topic): number {
  const checked = new Set(data.topics[topic.id]?.checked ?? []);
  return topic.checklist.filter((item) => checked.has(item.id)).length;
}

export interface Tally {
  done: number;
  inProgress: number;
  skipped: number;
  /** Topics that count towards the percentage: all but skipped. */
  counted: number;
  percent: number;
}

export function tallyTopics(topics: readonly Topic[], data: ProgressData): Tally {
  let done = 0;
  let inProgress = 0;
  let skipped = 0;
  for (const topic of topics) {
    const s = topicStatus(data, topic.id);
    if (s === 'done') done++;
    else if (s === 'inProgress') inProgress++;
    else if (s === 'skipped') skipped++;
  }
  const counted = topics.length - skipped;
  const percent = counted === 0 ? 0 : Math.round((done / counted) * 100);
  return { done, inProgress, skipped, counted, percent };
}

export function phaseTally(phase: Phase, data: ProgressData): Tally {
  return tallyTopics(phase.topics, data);
}

export function roadmapTally(roadmap: Roadmap, data: ProgressData): Tally {
  return tallyTopics(allTopics(roadmap), data);
}

export function allTopics(roadmap: Roadmap): Topic[] {
  return roadmap.phases.flatMap((p) => p.topics);
}

export function findTopic(roadmap: Roadmap, topicId: string): { topic: Topic; phase: Phase } | undefined {
  for (const phase of roadmap.phases) {
    const topic = phase.topics.find((t) => t.id === topicId);
    if (topic) return { topic, phase };
  }
  return undefined;
}
