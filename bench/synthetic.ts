// Generated inputs for the scaling rows of npm run bench: roadmaps of any size, progress on them,
// and a Memento stand-in that behaves like VS Code's workspace state.
import { emptyProgress } from '../src/domain/progress/progress';
import type { ProgressData } from '../src/domain/progress/progress';
import type { MementoLike } from '../src/domain/progress/store';

const PHASES = 10;

/**
 * Raw roadmap data (what JSON.parse of a compiled roadmap gives) with `topics` topics spread over 10
 * phases. Every topic has 3 checklist items, one https resource and an estimate, and every topic
 * but the first few requires one earlier topic, so the prerequisite graph is as deep as it is wide.
 */
export function syntheticRoadmap(topics: number): unknown {
  const perPhase = Math.ceil(topics / PHASES);
  const phases = [];
  for (let p = 0; p < PHASES; p++) {
    const phaseTopics = [];
    for (let i = p * perPhase; i < Math.min(topics, (p + 1) * perPhase); i++) {
      const prereq = i - 1 - (i % 7);
      phaseTopics.push({
        id: `topic-${i}`,
        title: `Topic ${i}`,
        summary: `Synthetic topic number ${i}.`,
        why: 'Measures how the extension scales with roadmap size.',
        estimatedHours: 1 + (i % 8),
        prerequisites: prereq >= 0 ? [`topic-${prereq}`] : [],
        checklist: [1, 2, 3].map((n) => ({ id: `item-${n}`, text: `Checklist item ${n} of topic ${i}.` })),
        resources: [{ title: `Reference for topic ${i}`, url: `https://example.org/topics/${i}`, type: 'docs' }],
      });
    }
    if (phaseTopics.length > 0)
      phases.push({ id: `phase-${p}`, title: `Phase ${p}`, summary: `Synthetic phase ${p}.`, topics: phaseTopics });
  }
  return { schemaVersion: 1, id: `synthetic-${topics}`, title: `Synthetic ${topics}`, description: `${topics} generated topics.`, phases };
}

/** Progress on `syntheticRoadmap(topics)`: 20% of topics done, 10% in progress with one item ticked. */
export function syntheticProgress(topics: number): ProgressData {
  const data = emptyProgress();
  const at = new Date(2024, 0, 1).toISOString();
  for (let i = 0; i < topics; i++) {
    const bucket = i % 10;
    if (bucket < 2) {
      data.topics[`topic-${i}`] = { status: 'done', checked: ['item-1', 'item-2', 'item-3'], updatedAt: at };
      data.history.push({ at, topicId: `topic-${i}`, status: 'done' });
    } else if (bucket === 2) {
      data.topics[`topic-${i}`] = { status: 'inProgress', checked: ['item-1'], updatedAt: at };
      data.history.push({ at, topicId: `topic-${i}`, status: 'inProgress' });
    }
  }
  return data;
}

/** Behaves like VS Code's Memento: values are stored as JSON and updates are asynchronous. */
export class JsonMemento implements MementoLike {
  readonly values = new Map<string, string>();
  get<T>(key: string): T | undefined {
    const raw = this.values.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    await new Promise((r) => setImmediate(r));
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
  }
}
