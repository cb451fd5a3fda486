// The rules for when a topic is finished, in one place.
import { exercisePassed, topicProgress } from '../progress/progress';
import type { ProgressData } from '../progress/progress';
import type { TopicOutline } from './schema';

/** Every exercise of the topic has passed its check (true for a topic without exercises). */
export function allExercisesPassed(topic: TopicOutline, data: ProgressData): boolean {
  return topic.exercises.every((id) => exercisePassed(data, id));
}

/** Every checklist item ticked and every exercise passed: the learner is offered "done". */
export function isComplete(topic: TopicOutline, data: ProgressData): boolean {
  const checked = new Set(topicProgress(data, topic.id)?.checked ?? []);
  return topic.checklist.every((i) => checked.has(i.id)) && allExercisesPassed(topic, data);
}

/**
 * Passing tests are proof, unlike a ticked box: a topic with exercises, all passing, becomes done
 * without asking. Ticking alone only offers it (isComplete).
 */
export function isProvenByExercises(topic: TopicOutline, data: ProgressData): boolean {
  return topic.exercises.length > 0 && allExercisesPassed(topic, data);
}

// Verified (exercises pass and the quiz passed) is a status-like fact: isVerified in ../progress/progress.ts.
