import * as assert from 'node:assert/strict';
import { isComplete } from '../../src/domain/roadmap/completion';
import { nextUp } from '../../src/domain/roadmap/nextUp';
import { emptyProgress } from '../../src/domain/progress/progress';
import type { ProgressData } from '../../src/domain/progress/progress';
import type { Roadmap, Topic } from '../../src/domain/roadmap/schema';

const topic = (id: string, prerequisites: string[] = [], exercises: string[] = []): Topic => ({
  id,
  title: id.toUpperCase(),
  summary: 's',
  why: 'w',
  estimatedHours: 1,
  prerequisites,
  checklist: [
    { id: 'i1', text: 'one' },
    { id: 'i2', text: 'two' },
  ],
  resources: [{ title: 'r', url: 'https://example.org', type: 'docs' }],
  exercises,
  questions: [],
});

const roadmap: Roadmap = {
  schemaVersion: 1,
  kind: 'roadmap',
  id: 'r',
  title: 'R',
  description: 'd',
  renamed: {},
  paths: [],
  projects: [],
  phases: [
    { id: 'p1', title: 'P1', topics: [topic('a'), topic('b', ['a']), topic('c', ['a', 'b'])] },
    { id: 'p2', title: 'P2', topics: [topic('d'), topic('e', ['d'])] },
  ],
};

const at = '2026-01-01T00:00:00.000Z';
const data = (topics: ProgressData['topics']): ProgressData => ({ ...emptyProgress(), topics });

describe('next up', () => {
  it('starts with the topics that have no prerequisites, in roadmap order', () => {
    assert.deepEqual(
      nextUp(roadmap, emptyProgress()).map((s) => [s.topic.id, s.reason]),
      [
        ['a', 'Ready: no prerequisites'],
        ['d', 'Ready: no prerequisites'],
      ],
    );
  });

  it('unlocks a topic once all its prerequisites are done or skipped, and says which', () => {
    const d = data({ a: { status: 'done', checked: [], updatedAt: at }, d: { status: 'skipped', checked: [], updatedAt: at } });
    assert.deepEqual(
      nextUp(roadmap, d).map((s) => [s.topic.id, s.reason]),
      [
        ['b', 'Ready: A is done'],
        ['e', 'Ready: D is done'],
      ],
    );
  });

  it('puts topics in progress first and never suggests done or skipped ones', () => {
    const d = data({
      a: { status: 'done', checked: [], updatedAt: at },
      b: { status: 'done', checked: [], updatedAt: at },
      e: { status: 'skipped', checked: [], updatedAt: at },
      d: { status: 'inProgress', checked: ['i1'], updatedAt: at },
    });
    assert.deepEqual(
      nextUp(roadmap, d).map((s) => s.topic.id),
      ['d', 'c'],
    );
    assert.equal(nextUp(roadmap, d)[0]?.reason, 'In progress: 1 checklist item(s) left');
  });

  it('respects the limit', () => {
    assert.equal(nextUp(roadmap, emptyProgress(), 1).length, 1);
  });
});

describe('topic completeness', () => {
  it('needs every checklist item and every exercise', () => {
    const withExercise = topic('x', [], ['express-route']);
    const ticked = data({ x: { checked: ['i1', 'i2'], updatedAt: at } });
    assert.equal(isComplete(topic('x'), ticked), true);
    assert.equal(isComplete(withExercise, ticked), false);
    assert.equal(isComplete(withExercise, { ...ticked, exercises: { 'express-route': { passedAt: at } } }), true);
    assert.equal(isComplete(topic('x'), data({ x: { checked: ['i1'], updatedAt: at } })), false);
  });
});
