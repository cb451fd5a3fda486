import * as assert from 'node:assert/strict';
import { MementoAdapter, MemoryProgressAdapter, migrate, ProgressStore } from '../../src/domain/progress/store';
import type { MementoLike } from '../../src/domain/progress/store';
import * as ops from '../../src/domain/progress/ops';

/** Behaves like VS Code's Memento: values are stored as JSON and updates are asynchronous. */
class JsonMemento implements MementoLike {
  readonly values = new Map<string, string>();
  updates = 0;
  get<T>(key: string): T | undefined {
    const raw = this.values.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    await new Promise((r) => setImmediate(r));
    this.updates++;
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
  }
}

describe('progress store', () => {
  it('round-trips status, items, exercises and the current topic through a memento', async () => {
    const memento = new JsonMemento();
    const { store, warnings } = await ProgressStore.open(new MementoAdapter(memento));
    assert.deepEqual(warnings, []);
    await store.update(ops.setItem('http-basics', 'methods', true));
    await store.update(ops.setStatus('dns', 'done'));
    await store.update(ops.setStatus('nodejs-runtime', 'skipped'));
    await store.update(ops.markExercisePassed('express-route'));
    await store.update(ops.setCurrentTopic('rest-apis'));

    const reopened = (await ProgressStore.open(new MementoAdapter(memento))).store;
    assert.equal(reopened.status('http-basics'), 'inProgress');
    assert.deepEqual(reopened.data.topics['http-basics']?.checked, ['methods']);
    assert.equal(reopened.status('dns'), 'done');
    assert.equal(reopened.status('nodejs-runtime'), 'skipped');
    assert.ok(reopened.data.exercises['express-route']?.passedAt);
    assert.equal(reopened.data.currentTopic, 'rest-apis');
    assert.equal(reopened.data.version, 3);
    assert.deepEqual(
      reopened.data.history.map((e) => [e.topicId, e.status]),
      [
        ['http-basics', 'inProgress'],
        ['dns', 'done'],
        ['nodejs-runtime', 'skipped'],
      ],
    );
  });

  it("works over lowdb's Memory adapter", async () => {
    const adapter = new MemoryProgressAdapter();
    const { store } = await ProgressStore.open(adapter);
    await store.update(ops.setStatus('a', 'done'));
    const again = (await ProgressStore.open(adapter)).store;
    assert.equal(again.status('a'), 'done');
  });

  it('fires a change event with the topic for every mutation', async () => {
    const { store } = await ProgressStore.open(new MemoryProgressAdapter());
    const seen: (string | undefined)[] = [];
    const sub = store.onDidChange((c) => seen.push(c.topicId));
    await store.update(ops.setItem('a', 'x', true));
    await store.update(ops.setStatus('b', 'done'));
    sub.dispose();
    await store.update(ops.setStatus('c', 'done'));
    assert.deepEqual(seen, ['a', 'b']);
  });

  it('unticking keeps the topic in progress and never duplicates items', async () => {
    const { store } = await ProgressStore.open(new MemoryProgressAdapter());
    await store.update(ops.setItem('a', 'x', true));
    await store.update(ops.setItem('a', 'x', true));
    await store.update(ops.setItem('a', 'y', true));
    await store.update(ops.setItem('a', 'x', false));
    assert.deepEqual(store.data.topics.a?.checked, ['y']);
    assert.equal(store.status('a'), 'inProgress');
  });

  it('persists 1,000 rapid toggles without losing one', async () => {
    const memento = new JsonMemento();
    const { store } = await ProgressStore.open(new MementoAdapter(memento));
    const expected = new Map<string, boolean>();
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 1000; i++) {
      const item = `item-${i % 37}`;
      const checked = i % 3 !== 0;
      expected.set(item, checked);
      writes.push(store.update(ops.setItem('topic', item, checked))); // not awaited one by one: rapid clicks
    }
    await Promise.all(writes);
    await store.flush();
    const reopened = (await ProgressStore.open(new MementoAdapter(memento))).store;
    const checked = new Set(reopened.data.topics.topic?.checked);
    for (const [item, want] of expected) assert.equal(checked.has(item), want, item);
  });

  it('backs up corrupt data, reports it, and does not overwrite the original until a change', async () => {
    const memento = new JsonMemento();
    memento.values.set('backendRoadmap.progress', JSON.stringify({ version: 1, topics: 'not a map' }));
    const { store, warnings } = await ProgressStore.open(new MementoAdapter(memento));
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0] ?? '',
      /could not be read \(topics: .*\)\. It was kept in workspace state key "backendRoadmap\.progress\.backup\./,
    );
    const backupKey = [...memento.values.keys()].find((k) => k.startsWith('backendRoadmap.progress.backup.'));
    assert.ok(backupKey);
    assert.deepEqual(memento.get(backupKey), { version: 1, topics: 'not a map' });
    assert.equal(store.status('anything'), 'notStarted');
  });

  it('refuses data from a newer version instead of guessing, keeping a backup', async () => {
    const adapter = new MemoryProgressAdapter();
    await adapter.write({ version: 99, topics: {}, exercises: {} });
    const { warnings } = await ProgressStore.open(adapter);
    assert.match(warnings[0] ?? '', /newer version \(data version 99\)/);
    assert.deepEqual(adapter.backups, [{ version: 99, topics: {}, exercises: {} }]);
  });

  it('migrate() treats missing data as empty progress', () => {
    const result = migrate(null);
    assert.ok(result.ok);
    assert.deepEqual(result.data, {
      version: 3,
      topics: {},
      exercises: {},
      history: [],
      practice: {},
      cards: {},
      reviewLog: [],
      quizzes: {},
    });
  });

  it('moves progress from renamed topic ids, following chains and merging with the new id', async () => {
    const memento = new JsonMemento();
    const { store } = await ProgressStore.open(new MementoAdapter(memento));
    await store.update(ops.setStatus('old-a', 'done'));
    await store.update(ops.setItem('old-b', 'x', true));
    await store.update(ops.setItem('new-b', 'y', true));
    await store.update(ops.setItem('first', 'z', true));
    await store.update(ops.setCurrentTopic('old-a'));
    const moves = await store.update(
      ops.applyRenames({ 'old-a': 'new-a', 'old-b': 'new-b', first: 'second', second: 'third', loop: 'loop' }),
    );
    assert.deepEqual(moves, ['old-a -> new-a', 'old-b -> new-b', 'first -> third']);
    const reopened = (await ProgressStore.open(new MementoAdapter(memento))).store;
    assert.equal(reopened.status('new-a'), 'done');
    assert.equal(reopened.data.topics['old-a'], undefined);
    assert.deepEqual([...(reopened.data.topics['new-b']?.checked ?? [])].sort(), ['x', 'y']);
    assert.deepEqual(reopened.data.topics.third?.checked, ['z']);
    assert.equal(reopened.data.currentTopic, 'new-a');
    assert.deepEqual(await reopened.update(ops.applyRenames({ 'old-a': 'new-a' })), [], 'a second run moves nothing');
  });
});
