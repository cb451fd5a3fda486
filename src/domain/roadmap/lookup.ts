// The one topic lookup. Roadmaps are searched in the order given, so callers put the roadmap the
// learner is on first: tracks and career paths link to topics outside themselves.

interface PhaseLike {
  topics: readonly { id: string }[];
}

export interface TopicHit<P extends PhaseLike> {
  topic: P['topics'][number];
  phase: P;
}

export function findTopic<P extends PhaseLike>(
  roadmaps: Iterable<{ phases: readonly P[] } | undefined>,
  topicId: string,
): TopicHit<P> | undefined {
  for (const roadmap of roadmaps) {
    if (!roadmap) continue;
    for (const phase of roadmap.phases) {
      const topic = phase.topics.find((t) => t.id === topicId);
      if (topic) return { topic, phase };
    }
  }
  return undefined;
}
