import { checkedCount, topicStatus } from '../progress/progress';
import { findTopic } from './lookup';
import type { ProgressData } from '../progress/progress';
import type { RoadmapOutline, TopicOutline } from './schema';

export interface Suggestion {
  topic: TopicOutline;
  /** One line on why this topic comes next. */
  reason: string;
}

/**
 * The next topics to study: not done or skipped, every prerequisite done (or skipped), in roadmap
 * order, topics already in progress first. Prerequisites outside this roadmap count when done anywhere.
 */
export function nextUp(
  roadmap: RoadmapOutline,
  data: ProgressData,
  limit = 5,
  // Tracks and paths may depend on topics outside themselves; callers pass a catalog-wide lookup.
  titleOf: (id: string) => string | undefined = (id) => findTopic([roadmap], id)?.topic.title,
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
