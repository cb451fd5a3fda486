// Splitting a topic into what activation needs and what a page reads later. Kept apart from schema.ts,
// so the extension bundle does not build the roadmap schemas (only the build validates roadmaps).
import type { Topic, TopicDetails, TopicOutline } from './schema';

export function outlineOf(topic: Topic): TopicOutline {
  const { id, title, summary, estimatedHours, prerequisites, exercises } = topic;
  return { id, title, summary, estimatedHours, prerequisites, exercises, checklist: topic.checklist.map((i) => ({ id: i.id })) };
}

export function detailsOf(topic: Topic): TopicDetails {
  return { why: topic.why, checklist: topic.checklist, resources: topic.resources, questions: topic.questions };
}
