import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileProgressAdapter } from '../../src/domain/progress/fileAdapter';
import { mergeProgress } from '../../src/domain/progress/import';
import * as ops from '../../src/domain/progress/ops';
import type { ProgressOp } from '../../src/domain/progress/ops';
import { emptyProgress, HISTORY_LIMIT, topicStatus } from '../../src/domain/progress/progress';
import type { ProgressData, TopicStatus } from '../../src/domain/progress/progress';
import { MementoAdapter, MemoryProgressAdapter, ProgressStore } from '../../src/domain/progress/store';
import type { MementoLike } from '../../src/domain/progress/store';

const t0 = '2026-01-05T10:00:00.000Z';
const t1 = '2026-01-06T10:00:00.000Z';

const progress = (over: Partial<ProgressData> = {}): ProgressData => ({ ...emptyProgress(), ...over });

/** Runs an op on a copy, returning the copy and what the op said. */
function run<R>(op: ProgressOp<R>, data: ProgressData, now = t1): { data: ProgressData; change: unknown; value: R } {
  const draft = structuredClone(data);
  const { change, value } = op(draft, now);
  return { data: draft, change, value };
}

describe('progress ops', () => {
  it('records practice: failed checks counted, each hint once and in order, the first comparison kept', () => {
    let d = progress();
    d = run(ops.recordCheckFailed('jwt'), d).data;
    d = run(ops.recordCheckFailed('jwt'), d).data;
    d = run(ops.recordHintUsed('jwt', 'rejects alg none#0'), d).data;
    const again = run(ops.recordHintUsed('jwt', 'rejects alg none#0'), d);
    assert.equal(again.change, undefined, 'a hint revealed twice is one use');
    d = run(ops.recordHintUsed('jwt', 'rejects alg none#1'), d).data;
    d = run(ops.recordSolutionCompared('jwt'), d, t0).data;
    d = run(ops.recordSolutionCompared('jwt'), d, t1).data;
    assert.deepEqual(d.practice, {
      jwt: { failedChecks: 2, hintsUsed: ['rejects alg none#0', 'rejects alg none#1'], solutionComparedAt: t0 },
    });
    // Own keys only: an exercise id named like an Object.prototype member is just an id.
    const proto = run(ops.recordCheckFailed('constructor'), progress()).data;
    assert.deepEqual(proto.practice?.constructor, { failedChecks: 1 });
  });

  it('merges practice on import: most failed checks, every hint, the earliest comparison', () => {
    const mine = progress({ practice: { jwt: { failedChecks: 4, hintsUsed: ['a#0'], solutionComparedAt: t1 } } });
    const theirs = progress({
      practice: { jwt: { failedChecks: 2, hintsUsed: ['a#0', 'b#0'], solutionComparedAt: t0 }, sql: { failedChecks: 1 } },
    });
    assert.deepEqual(mergeProgress(mine, theirs).practice, {
      jwt: { failedChecks: 4, hintsUsed: ['a#0', 'b#0'], solutionComparedAt: t0 },
      sql: { failedChecks: 1 },
    });
  });

  it('setStatus stamps the topic, records a status change in history, and names the topic', () => {
    const r = run(ops.setStatus('dns', 'done'), progress());
    assert.deepEqual(r.change, { topicId: 'dns' });
    assert.deepEqual(r.data.topics.dns, { checked: [], updatedAt: t1, status: 'done' });
    assert.deepEqual(r.data.history, [{ at: t1, topicId: 'dns', status: 'done' }]);
    // The same status again still stamps the topic, but records no new history entry.
    const again = run(ops.setStatus('dns', 'done'), r.data, '2026-01-07T00:00:00.000Z');
    assert.ok(again.change);
    assert.equal(again.data.topics.dns?.updatedAt, '2026-01-07T00:00:00.000Z');
    assert.equal(again.data.history.length, 1);
  });

  it('setItem ticks without duplicates, starts a topic not started, and unticking keeps the status', () => {
    const ticked = run(ops.setItem('sql', 'select', true), progress());
    assert.deepEqual(ticked.change, { topicId: 'sql' });
    assert.deepEqual(ticked.data.topics.sql, { checked: ['select'], updatedAt: t1, status: 'inProgress' });
    assert.deepEqual(ticked.data.history, [{ at: t1, topicId: 'sql', status: 'inProgress' }]);
    const twice = run(ops.setItem('sql', 'select', true), ticked.data);
    assert.deepEqual(twice.data.topics.sql?.checked, ['select']);
    const unticked = run(ops.setItem('sql', 'select', false), twice.data);
    assert.deepEqual(unticked.data.topics.sql?.checked, []);
    assert.equal(topicStatus(unticked.data, 'sql'), 'inProgress');
    const done = progress({ topics: { jwt: { status: 'done', checked: [], updatedAt: t0 } } });
    assert.equal(run(ops.setItem('jwt', 'x', true), done).data.topics.jwt?.status, 'done', 'ticking never lowers a status');
  });

  it('keeps history within its limit, dropping the oldest entries', () => {
    const history = Array.from({ length: HISTORY_LIMIT }, (_, i) => ({ at: t0, topicId: `t${i}`, status: 'done' as const }));
    const r = run(ops.setStatus('dns', 'done'), progress({ history }));
    assert.equal(r.data.history.length, HISTORY_LIMIT);
    assert.equal(r.data.history[0]?.topicId, 't1');
    assert.deepEqual(r.data.history.at(-1), { at: t1, topicId: 'dns', status: 'done' });
  });

  it('resetTopics forgets only the given topics (an empty record stamped with the reset), records a return to not started, and changes nothing without progress', () => {
    const data = progress({
      topics: {
        dns: { status: 'done', checked: ['a'], updatedAt: t0 },
        sql: { checked: [], updatedAt: t0 },
        jwt: { status: 'inProgress', checked: [], updatedAt: t0 },
      },
    });
    const r = run(ops.resetTopics(['dns', 'sql', 'missing']), data);
    assert.deepEqual(r.change, {});
    assert.deepEqual(r.data.topics.dns, { checked: [], updatedAt: t1 });
    assert.deepEqual(r.data.topics.jwt, data.topics.jwt, 'untouched');
    assert.deepEqual(r.data.topics.sql, data.topics.sql, 'nothing to reset: left as it was');
    assert.equal(run(ops.resetTopics(['dns']), r.data).change, undefined, 'resetting a reset topic changes nothing');
    // sql was not started (no status, nothing ticked): there is no status change to record.
    assert.deepEqual(r.data.history, [{ at: t1, topicId: 'dns', status: 'notStarted' }]);
    const none = run(ops.resetTopics(['missing', 'constructor']), data);
    assert.equal(none.change, undefined);
    assert.deepEqual(none.data, data);
  });

  it('markExercisePassed records the time of the latest pass', () => {
    const r = run(ops.markExercisePassed('express-route'), progress());
    assert.deepEqual(r.change, {});
    assert.deepEqual(r.data.exercises, { 'express-route': { passedAt: t1 } });
    assert.deepEqual(run(ops.markExercisePassed('express-route'), r.data, '2026-02-01T00:00:00.000Z').data.exercises['express-route'], {
      passedAt: '2026-02-01T00:00:00.000Z',
    });
  });

  it('setCurrentTopic changes only when the topic differs', () => {
    const r = run(ops.setCurrentTopic('dns'), progress());
    assert.deepEqual(r.change, { topicId: 'dns' });
    assert.equal(r.data.currentTopic, 'dns');
    const same = run(ops.setCurrentTopic('dns'), r.data);
    assert.equal(same.change, undefined);
    assert.deepEqual(same.data, r.data);
  });

  it('markVanishedReported adds ids sorted and once, and changes nothing when all were reported', () => {
    const r = run(ops.markVanishedReported(['zeta', 'alpha']), progress({ vanishedReported: ['mid'] }));
    assert.deepEqual(r.change, {});
    assert.deepEqual(r.data.vanishedReported, ['alpha', 'mid', 'zeta']);
    const again = run(ops.markVanishedReported(['alpha', 'zeta']), r.data);
    assert.equal(again.change, undefined);
    assert.deepEqual(again.data, r.data);
  });

  it('applyRenames answers the moves, follows chains, moves history and the current topic, and merges by the topic rule', () => {
    const oldA = { status: 'done' as const, checked: ['x'], updatedAt: t1 };
    const newA = { checked: ['y'], updatedAt: t0 };
    const data = progress({
      topics: {
        'old-a': oldA,
        'new-a': newA,
        first: { checked: ['z'], updatedAt: t0 },
      },
      history: [{ at: t0, topicId: 'old-a', status: 'done' }],
      currentTopic: 'old-a',
    });
    const r = run(ops.applyRenames({ 'old-a': 'new-a', first: 'second', second: 'third', loop: 'loop', unused: 'elsewhere' }), data);
    assert.deepEqual(r.value, ['old-a -> new-a', 'first -> third']);
    assert.deepEqual(r.change, {});
    assert.deepEqual(r.data.topics['new-a'], ops.mergeTopic(newA, oldA));
    assert.deepEqual(r.data.topics['new-a'], { status: 'done', checked: ['y', 'x'], updatedAt: t1 });
    assert.deepEqual(r.data.topics.third, { checked: ['z'], updatedAt: t0 });
    assert.deepEqual(Object.keys(r.data.topics).sort(), ['new-a', 'third']);
    assert.deepEqual(r.data.history, [{ at: t0, topicId: 'new-a', status: 'done' }]);
    assert.equal(r.data.currentTopic, 'new-a');
    const none = run(ops.applyRenames({ 'old-a': 'new-a' }), r.data);
    assert.deepEqual(none.value, []);
    assert.equal(none.change, undefined);
    assert.deepEqual(none.data, r.data);
  });

  it('replaceAll takes a snapshot: later edits of the source do not leak in', () => {
    const dns = { status: 'done' as TopicStatus, checked: [], updatedAt: t0 };
    const source = progress({ topics: { dns } });
    const op = ops.replaceAll(source);
    dns.status = 'skipped';
    const r = run(op, progress({ topics: { sql: { checked: ['a'], updatedAt: t0 } }, currentTopic: 'sql' }));
    assert.deepEqual(r.change, {});
    // sql, dropped by the replacement, keeps an empty record stamped now: an older synced copy cannot bring it back.
    assert.deepEqual(
      r.data,
      progress({ topics: { dns: { status: 'done', checked: [], updatedAt: t0 }, sql: { checked: [], updatedAt: t1 } } }),
    );
    assert.equal(run(ops.replaceAll(r.data), r.data).change, undefined, 'replacing with the same data changes nothing');
  });

  it('mergeAll is mergeProgress applied to the draft, and changes nothing when there is nothing new', () => {
    const mine = progress({
      topics: { dns: { status: 'inProgress', checked: ['a'], updatedAt: t1 } },
      exercises: { x: { passedAt: t0 } },
      history: [{ at: t1, topicId: 'dns', status: 'inProgress' }],
    });
    const theirs = progress({
      topics: { dns: { status: 'done', checked: ['b'], updatedAt: t0 }, sql: { status: 'skipped', checked: [], updatedAt: t0 } },
      exercises: { x: { passedAt: t1 }, y: { passedAt: t1 } },
      history: [
        { at: t0, topicId: 'sql', status: 'skipped' },
        { at: t1, topicId: 'dns', status: 'inProgress' },
      ],
    });
    const r = run(ops.mergeAll(theirs), mine);
    assert.deepEqual(r.change, {});
    assert.deepEqual(r.data, mergeProgress(mine, theirs));
    assert.deepEqual(r.data.exercises, { x: { passedAt: t0 }, y: { passedAt: t1 } }, 'a pass already recorded keeps its date');
    assert.deepEqual(
      r.data.history,
      [
        { at: t0, topicId: 'sql', status: 'skipped' },
        { at: t1, topicId: 'dns', status: 'inProgress' },
      ],
      'sorted, without duplicates',
    );
    const again = run(ops.mergeAll(theirs), r.data);
    assert.equal(again.change, undefined);
  });

  it('one merge rule for a topic: explicit status of mine wins, items are the union, the later time stays', () => {
    const mine = { checked: ['a', 'b'], updatedAt: t0 };
    const theirs = { status: 'done' as const, checked: ['b', 'c'], updatedAt: t1 };
    assert.deepEqual(ops.mergeTopic(mine, theirs), { status: 'done', checked: ['a', 'b', 'c'], updatedAt: t1 });
    assert.deepEqual(ops.mergeTopic({ ...mine, status: 'skipped' }, theirs).status, 'skipped');
    const copy = ops.mergeTopic(undefined, theirs);
    assert.deepEqual(copy, theirs);
    assert.notEqual(copy, theirs, 'a topic only theirs is copied, not shared');
    // Import's merge and a rename's merge give what the rule gives.
    const imported = mergeProgress(progress({ topics: { dns: mine } }), progress({ topics: { dns: theirs } }));
    assert.deepEqual(imported.topics.dns, ops.mergeTopic(mine, theirs));
    const renamed = run(ops.applyRenames({ old: 'dns' }), progress({ topics: { dns: mine, old: theirs } }));
    assert.deepEqual(renamed.data.topics.dns, ops.mergeTopic(mine, theirs));
  });
});

describe('progress store update(op)', () => {
  it('an op that changes nothing writes nothing and fires nothing, and still answers', async () => {
    const adapter = new MemoryProgressAdapter();
    let writes = 0;
    const write = adapter.write.bind(adapter);
    adapter.write = async (data: unknown) => {
      writes++;
      await write(data);
    };
    const { store } = await ProgressStore.open(adapter);
    const seen: (string | undefined)[] = [];
    store.onDidChange((c) => seen.push(c.topicId));
    await store.update(ops.setCurrentTopic('dns'));
    assert.deepEqual([writes, seen], [1, ['dns']]);
    await store.update(ops.setCurrentTopic('dns'));
    assert.deepEqual(await store.update(ops.applyRenames({ missing: 'dns' })), []);
    await store.update(ops.resetTopics(['missing']));
    assert.deepEqual([writes, seen], [1, ['dns']]);
  });

  it('answers once the write is done, after every write queued before it', async () => {
    // Stored as JSON, written a tick later, like VS Code's workspace state.
    const values = new Map<string, string>();
    const memento: MementoLike = {
      get: <T>(key: string) => {
        const raw = values.get(key);
        return raw === undefined ? undefined : (JSON.parse(raw) as T);
      },
      update: async (key: string, value: unknown) => {
        await new Promise((r) => setImmediate(r));
        values.set(key, JSON.stringify(value));
      },
    };
    const { store } = await ProgressStore.open(new MementoAdapter(memento));
    const first = store.update(ops.setItem('a', 'x', true));
    const moves = await store.update(ops.applyRenames({ a: 'b' }));
    assert.deepEqual(moves, ['a -> b']);
    const stored = memento.get<ProgressData>('backendRoadmap.progress');
    assert.deepEqual(stored?.topics, { b: { checked: ['x'], updatedAt: store.data.topics.b?.updatedAt, status: 'inProgress' } });
    await first;
  });

  it('replays an op on a shared file with the time of the update, so memory and file agree', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'progress-ops-'));
    try {
      const file = path.join(dir, 'progress.json');
      const a = (await ProgressStore.open(new FileProgressAdapter(dir, file))).store;
      const b = (await ProgressStore.open(new FileProgressAdapter(dir, file))).store;
      await b.update(ops.setItem('sql', 'select', true));
      // a has not seen b's write: its op is replayed on the file, which keeps both.
      await a.update(ops.setStatus('dns', 'done'));
      const onDisk = JSON.parse(await fs.readFile(file, 'utf8')) as ProgressData;
      assert.deepEqual(onDisk, a.data);
      assert.equal(onDisk.topics.dns?.updatedAt, onDisk.history.find((e) => e.topicId === 'dns')?.at);
      assert.deepEqual(onDisk.topics.sql?.checked, ['select']);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('merges an import into what a shared file holds now, not into an older copy', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'progress-ops-'));
    try {
      const file = path.join(dir, 'progress.json');
      const a = (await ProgressStore.open(new FileProgressAdapter(dir, file))).store;
      const b = (await ProgressStore.open(new FileProgressAdapter(dir, file))).store;
      await b.update(ops.setStatus('sql', 'done'));
      await a.update(ops.mergeAll(progress({ topics: { dns: { status: 'skipped', checked: [], updatedAt: t0 } } })));
      const onDisk = JSON.parse(await fs.readFile(file, 'utf8')) as ProgressData;
      assert.equal(topicStatus(onDisk, 'sql'), 'done');
      assert.equal(topicStatus(onDisk, 'dns'), 'skipped');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
