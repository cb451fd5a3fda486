import { checkedCount, exercisePassed, findTopic, topicProgress, topicStatus } from '../progress/progress';
import type { ProgressData } from '../progress/progress';
import type { Roadmap, Topic } from './schema';

export interface Suggestion {
  topic: Topic;
  /** One line on why this topic comes next. */
  reason: string;
}

/**
 * The next topics to study: not done or skipped, every prerequisite done (or skipped), in roadmap
 * order, topics already in progress first. Prerequisites outside this roadmap count when done anywhere.
 */
export function nextUp(
  roadmap: Roadmap,
  data: ProgressData,
  limit = 5,
  // Tracks and paths may depend on topics outside themselves; callers pass a catalog-wide lookup.
  titleOf: (id: string) => string | undefined = (id) => findTopic(roadmap, id)?.topic.title,
): Suggestion[] {
  const ordered = roadmap.phases.flatMap((p) => p.topics);
  const finished = (id: string) => {
    const s = topicStatus(data, id);
    return s === 'done' || s === 'skipped';
  };
  const ready = ordered.filter((t) => !finished(t.id) && t.prerequisites.every(finished));
  const inProgress = ready.filter((t) => topicStatus(data, t.id) === 'inProgress');
  const fresh = ready.filter((t) => topicStatus(data, t.id) !== 'inProgress');
  return [...inProgress, ...fresh].slice(0, limit).map((topic) => ({
    topic,
    reason:
      topicStatus(data, topic.id) === 'inProgress'
        ? `In progress: ${topic.checklist.length - checkedCount(data, topic)} checklist item(s) left`
        : topic.prerequisites.length > 0
          ? `Ready: ${topic.prerequisites.map((id) => titleOf(id) ?? id).join(', ')} ${topic.prerequisites.length === 1 ? 'is' : 'are'} done`
          : 'Ready: no prerequisites',
  }));
}

/** True when every checklist item is ticked and every exercise has passed: the topic can become done. */
export function isComplete(topic: Topic, data: ProgressData): boolean {
  const checked = new Set(topicProgress(data, topic.id)?.checked ?? []);
  return topic.checklist.every((i) => checked.has(i.id)) && topic.exercises.every((e) => exercisePassed(data, e));
}
