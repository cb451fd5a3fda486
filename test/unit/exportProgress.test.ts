import * as assert from 'node:assert/strict';
import { progressJson, progressMarkdown } from '../../src/domain/progress/export';
import { emptyProgress, PROGRESS_VERSION } from '../../src/domain/progress/progress';
import { MemoryProgressAdapter, ProgressStore } from '../../src/domain/progress/store';
import * as ops from '../../src/domain/progress/ops';
import type { Roadmap, Topic } from '../../src/domain/roadmap/schema';

const topic = (id: string, title: string): Topic => ({
  id,
  title,
  summary: 's',
  why: 'w',
  estimatedHours: 1,
  prerequisites: [],
  exercises: [],
  questions: [],
  checklist: [
    { id: 'one', text: 'Write a *LEFT JOIN*' },
    { id: 'two', text: 'Explain ACID' },
  ],
  resources: [{ title: 'r', url: 'https://example.org', type: 'docs' }],
});
const roadmap: Roadmap = {
  schemaVersion: 1,
  kind: 'roadmap',
  id: 'r',
  title: 'Backend',
  description: 'd',
  renamed: {},
  paths: [],
  projects: [],
  phases: [{ id: 'db', title: 'Databases', topics: [topic('sql', 'SQL basics'), topic('acid', 'Transactions'), topic('nosql', 'NoSQL')] }],
};
const at = '2026-11-21T00:00:00.000Z';

describe('progress export', () => {
  const data = {
    ...emptyProgress(),
    topics: {
      sql: { status: 'done' as const, checked: ['one', 'two'], updatedAt: at },
      acid: { checked: ['two'], updatedAt: at },
      nosql: { status: 'skipped' as const, checked: [], updatedAt: at },
    },
    // A passed quiz verifies a topic without exercises; a failed one shows its best score.
    quizzes: {
      sql: { best: 0.9, last: 0.9, answered: 10, at, passedAt: at },
      acid: { best: 0.5, last: 0.5, answered: 4, at },
    },
  };

  it('writes a Markdown checklist of phases, topics (verified or quiz score) and items, escaping roadmap text', () => {
    assert.equal(
      progressMarkdown(roadmap, data, new Date(at)),
      [
        '# Backend — progress',
        '',
        '1 of 2 topics done (50%), 1 skipped, 1 verified (exercises pass and quiz passed). Exported 2026-11-21.',
        '',
        '## Databases',
        '',
        '- [x] **SQL basics** — verified',
        '  - [x] Write a \\*LEFT JOIN\\*',
        '  - [x] Explain ACID',
        '- [ ] **Transactions** _(in progress)_ — quiz best 50%',
        '  - [ ] Write a \\*LEFT JOIN\\*',
        '  - [x] Explain ACID',
        '- [ ] **NoSQL** _(skipped)_',
        '  - [ ] Write a \\*LEFT JOIN\\*',
        '  - [ ] Explain ACID',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON that holds the versioned stored data', () => {
    const parsed = JSON.parse(progressJson(roadmap, data, new Date(at))) as { exportedFrom: string; progress: typeof data };
    assert.equal(parsed.exportedFrom, 'r');
    assert.deepEqual(parsed.progress, data);
    assert.equal(parsed.progress.version, PROGRESS_VERSION);
  });

  it('reset forgets only the given topics, and persists', async () => {
    const adapter = new MemoryProgressAdapter();
    const { store } = await ProgressStore.open(adapter);
    await store.update(ops.setStatus('sql', 'done'));
    await store.update(ops.setItem('acid', 'two', true));
    await store.update(ops.resetTopics(['sql', 'missing']));
    const again = (await ProgressStore.open(adapter)).store;
    assert.equal(again.status('sql'), 'notStarted');
    assert.equal(again.status('acid'), 'inProgress');
  });
});
