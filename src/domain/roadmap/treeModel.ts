import { checkedCount, isVerified, phaseTally, topicStatus } from '../progress/progress';
import type { ProgressData, Tally } from '../progress/progress';
import type { PhaseOutline, RoadmapOutline, TopicOutline } from './schema';
import { statusLabels } from '../progress/status';
import type { TopicStatus } from '../progress/status';

/** What the tree shows for a phase, computed without VS Code so it can be tested and benchmarked. */
export interface PhaseRow {
  label: string;
  description: string;
  tooltip: string;
  accessibilityLabel: string;
  tally: Tally;
}

export interface TopicRow {
  label: string;
  description: string;
  status: TopicStatus;
  /** Exercises pass and the quiz is passed: shown with its own icon, whatever the status. */
  verified: boolean;
  accessibilityLabel: string;
}

export function phaseRow(phase: PhaseOutline, data: ProgressData): PhaseRow {
  const tally = phaseTally(phase, data);
  const verified = tally.verified ? ` · ${tally.verified} verified` : '';
  return {
    label: phase.title,
    description: `${tally.done}/${tally.counted}${verified}`,
    tooltip: `${phase.summary ?? phase.title}\n${tally.done} of ${tally.counted} topics done${tally.skipped ? `, ${tally.skipped} skipped` : ''}${tally.verified ? `, ${tally.verified} verified (exercises pass and quiz passed)` : ''}`,
    accessibilityLabel: `${phase.title}, ${tally.done} of ${tally.counted} topics done${tally.verified ? `, ${tally.verified} verified` : ''}`,
    tally,
  };
}

export function topicRow(topic: TopicOutline, data: ProgressData): TopicRow {
  const status = topicStatus(data, topic.id);
  const checked = checkedCount(data, topic);
  const verified = isVerified(topic, data);
  return {
    label: topic.title,
    description: `${checked}/${topic.checklist.length}`,
    status,
    verified,
    accessibilityLabel: `${topic.title}, ${statusLabels[status]}${verified ? ', verified' : ''}, ${checked} of ${topic.checklist.length} checklist items`,
  };
}

/** Every phase and topic row of a roadmap, as a full tree refresh computes them. */
export function allRows(roadmap: RoadmapOutline, data: ProgressData): (PhaseRow | TopicRow)[] {
  return roadmap.phases.flatMap((phase) => [phaseRow(phase, data), ...phase.topics.map((t) => topicRow(t, data))]);
}

export const topicFilters = ['all', 'remaining', 'inProgress', 'done'] as const;
export type TopicFilter = (typeof topicFilters)[number];

export const filterLabels: Record<TopicFilter, string> = {
  all: 'All topics',
  remaining: 'Remaining (not done or skipped)',
  inProgress: 'In progress',
  done: 'Done',
};

/** Whether a topic shows under a filter. Remaining means neither done nor skipped. */
export function matchesFilter(topic: TopicOutline, data: ProgressData, filter: TopicFilter): boolean {
  const status = topicStatus(data, topic.id);
  switch (filter) {
    case 'all':
      return true;
    case 'remaining':
      return status !== 'done' && status !== 'skipped';
    case 'inProgress':
      return status === 'inProgress';
    case 'done':
      return status === 'done';
  }
}
