// Quizzes: which questions a topic quiz or a placement check asks, and how answers are graded.
import type { Question, Topic } from '../roadmap/schema';
import type { GradeName } from './scheduler';

/** A question's review card id: stable while the topic and question ids are. */
export function questionCardId(topicId: string, questionId: string): string {
  return `${topicId}/${questionId}`;
}

/** Choice and code questions are graded by the extension; recall questions by the learner. */
export function isAutoGraded(q: Question): q is Exclude<Question, { kind: 'recall' }> {
  return q.kind !== 'recall';
}

/** The grade an automatically graded answer gives its card: right is "good", wrong is "again". */
export function gradeChoice(q: Exclude<Question, { kind: 'recall' }>, chosen: string): { correct: boolean; grade: GradeName } {
  const correct = chosen.trim() === q.answer.trim();
  return { correct, grade: correct ? 'good' : 'again' };
}

/** A self-graded recall answer counts as known unless the learner says they forgot ("again"). */
export function gradeCounts(grade: GradeName): boolean {
  return grade !== 'again';
}

/** Share of right answers, 0..1. */
export function score(correct: number, total: number): number {
  return total === 0 ? 0 : correct / total;
}

/** Questions per topic in a placement check; a topic counts as known only when all are right. */
export const placementPerTopic = 2;

/** A placement check over a phase: up to two automatically graded questions from each topic. */
export function placementQuestions(topics: readonly Pick<Topic, 'id' | 'questions'>[]): { topicId: string; question: Question }[] {
  return topics.flatMap((t) =>
    t.questions
      .filter(isAutoGraded)
      .slice(0, placementPerTopic)
      .map((question) => ({ topicId: t.id, question })),
  );
}

/** Topics whose placement questions were all answered right: what the learner already knows. */
export function knownTopics(answers: readonly { topicId: string; correct: boolean }[]): string[] {
  const byTopic = new Map<string, boolean>();
  for (const a of answers) byTopic.set(a.topicId, (byTopic.get(a.topicId) ?? true) && a.correct);
  return [...byTopic].filter(([, ok]) => ok).map(([id]) => id);
}

/**
 * A deterministic shuffle (mulberry32 seeded by `seed`), so options do not always sit in the order
 * they were written, and a redraw shows the same order.
 */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
