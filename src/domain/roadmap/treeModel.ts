import { checkedCount, isVerified, milestonesPassed, phaseTally, topicStatus } from '../progress/progress';
import type { Milestone } from '../exercises/milestones';
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

/** A project milestone's row: passed at the last check, the one to work on next, or still ahead. */
export interface MilestoneRow {
  label: string;
  /** The topics it practises, by title, comma-separated. */
  description: string;
  /** The same titles, as a list. */
  topics: string[];
  status: 'passed' | 'next' | 'ahead';
  tooltip: string;
  accessibilityLabel: string;
}

/** "2/5 milestones": a project exercise's progress, as its last check left it. */
export function milestoneCount(
  exerciseId: string,
  milestones: readonly Milestone[],
  data: ProgressData,
): { passed: number; total: number } {
  const passed = new Set(milestonesPassed(data, exerciseId));
  // In order from the first, as the check counts them (ids a changed project no longer has do not count).
  const count = milestones.findIndex((m) => !passed.has(m.id));
  return { passed: count === -1 ? milestones.length : count, total: milestones.length };
}

/** One row per milestone, in order; `titleOf` names the topics each practises. */
export function milestoneRows(
  exerciseId: string,
  milestones: readonly Milestone[],
  data: ProgressData,
  titleOf: (topicId: string) => string | undefined,
): MilestoneRow[] {
  const { passed } = milestoneCount(exerciseId, milestones, data);
  return milestones.map((m, i) => {
    const status = i < passed ? 'passed' : i === passed ? 'next' : 'ahead';
    const topics = m.topics.map((t) => titleOf(t) ?? t);
    const said = status === 'passed' ? 'passes' : status === 'next' ? 'next to build' : 'not reached yet';
    return {
      label: `${i + 1}. ${m.title}`,
      description: topics.join(', '),
      topics,
      status,
      tooltip: `Milestone ${i + 1} of ${milestones.length}: ${m.title} (${said})\n${m.summary}\nPractises: ${topics.join(', ')}`,
      accessibilityLabel: `Milestone ${i + 1} of ${milestones.length}, ${m.title}, ${said}, practises ${topics.join(', ')}`,
    };
  });
}
