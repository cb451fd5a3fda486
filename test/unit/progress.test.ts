import * as assert from 'node:assert/strict';
import { checkedCount, emptyProgress, phaseTally, roadmapTally, topicStatus } from '../../src/domain/progress/progress';
import type { ProgressData } from '../../src/domain/progress/progress';
import type { Phase, Roadmap, Topic } from '../../src/domain/roadmap/schema';
import { allRows, matchesFilter, phaseRow, topicRow } from '../../src/domain/roadmap/treeModel';

const topic = (id: string, items = 2): Topic => ({
  id,
  title: id,
  summary: 's',
  why: 'w',
  estimatedHours: 1,
  prerequisites: [],
  checklist: Array.from({ length: items }, (_, i) => ({ id: `i${i}`, text: `item ${i}` })),
  resources: [{ title: 'r', url: 'https://example.org', type: 'docs' }],
  exercises: [],
  questions: [],
});

const phase: Phase = { id: 'p', title: 'P', topics: ['a', 'b', 'c', 'd'].map((id) => topic(id)) };
const roadmap: Roadmap = {
  schemaVersion: 1,
  kind: 'roadmap',
  id: 'r',
  title: 'R',
  description: 'd',
  renamed: {},
  paths: [],
  projects: [],
  phases: [phase, { id: 'q', title: 'Q', topics: [topic('e')] }],
};

const data = (topics: ProgressData['topics']): ProgressData => ({ ...emptyProgress(), topics });
const t = (status?: ProgressData['topics'][string]['status'], checked: string[] = []) => ({
  status,
  checked,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('progress model', () => {
  it('derives status: nothing stored is not started, checked items mean in progress', () => {
    const d = data({ b: t(undefined, ['i0']), c: t('done'), d: t('skipped', ['i0']) });
    assert.equal(topicStatus(d, 'a'), 'notStarted');
    assert.equal(topicStatus(d, 'b'), 'inProgress');
    assert.equal(topicStatus(d, 'c'), 'done');
    assert.equal(topicStatus(d, 'd'), 'skipped');
  });

  it('an explicit status wins over checked items', () => {
    assert.equal(topicStatus(data({ a: t('notStarted', ['i0']) }), 'a'), 'notStarted');
  });

  it('excludes skipped topics from the percentage', () => {
    const d = data({ a: t('done'), b: t('skipped'), c: t('inProgress') });
    assert.deepEqual(phaseTally(phase, d), {
      done: 1,
      inProgress: 1,
      skipped: 1,
      verified: 0,
      counted: 3,
      percent: 33,
      verifiedPercent: 0,
    });
  });

  it('computes the roadmap percentage over all phases', () => {
    const d = data({ a: t('done'), e: t('done'), b: t('skipped') });
    const tally = roadmapTally(roadmap, d);
    assert.equal(tally.counted, 4);
    assert.equal(tally.done, 2);
    assert.equal(tally.percent, 50);
  });

  it('is 0% rather than NaN when every topic is skipped', () => {
    const d = data({ e: t('skipped') });
    assert.equal(roadmapTally({ ...roadmap, phases: [roadmap.phases[1] ?? assert.fail('second phase')] }, d).percent, 0);
  });

  it('counts only checked items that still exist', () => {
    assert.equal(checkedCount(data({ a: t(undefined, ['i0', 'gone']) }), topic('a')), 1);
  });
});

describe('tree rows', () => {
  it('labels phases with done/counted and topics with checked/items, for sight and for screen readers', () => {
    const d = data({ a: t('done'), b: t('skipped'), c: t(undefined, ['i0']) });
    const p = phaseRow(phase, d);
    assert.equal(p.description, '1/3');
    assert.equal(p.accessibilityLabel, 'P, 1 of 3 topics done');
    assert.match(p.tooltip, /1 of 3 topics done, 1 skipped/);
    const c = topicRow(topic('c'), d);
    assert.deepEqual([c.description, c.status, c.accessibilityLabel], ['1/2', 'inProgress', 'c, In progress, 1 of 2 checklist items']);
    assert.equal(allRows(roadmap, d).length, 2 + 5);
  });
});

describe('tree filter', () => {
  it('shows all, remaining (neither done nor skipped), in progress or done topics', () => {
    const d = data({ a: t('done'), b: t('skipped'), c: t(undefined, ['i0']) });
    const shown = (f: Parameters<typeof matchesFilter>[2]) => ['a', 'b', 'c', 'd'].filter((id) => matchesFilter(topic(id), d, f));
    assert.deepEqual(shown('all'), ['a', 'b', 'c', 'd']);
    assert.deepEqual(shown('remaining'), ['c', 'd']);
    assert.deepEqual(shown('inProgress'), ['c']);
    assert.deepEqual(shown('done'), ['a']);
  });
});
