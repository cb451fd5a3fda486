import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileProgressAdapter } from '../../src/domain/progress/fileAdapter';
import { jsonErrorPosition } from '../../src/domain/shared/jsonPosition';
import { hoursLeft, weeklyActivity, emptyProgress } from '../../src/domain/progress/progress';
import type { ProgressData } from '../../src/domain/progress/progress';
import { MemoryProgressAdapter, migrate, ProgressStore } from '../../src/domain/progress/store';
import * as ops from '../../src/domain/progress/ops';
import type { Roadmap } from '../../src/domain/roadmap/schema';

describe('progress in a shared JSON file (file mode)', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'progress-file-'));
    file = path.join(dir, '.vscode', 'backend-roadmap', 'progress.json');
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('creates the file on the first change and reads it back', async () => {
    const { store, warnings } = await ProgressStore.open(new FileProgressAdapter(dir, file));
    assert.deepEqual(warnings, []);
    await store.update(ops.setItem('sql-basics', 'select', true));
    const onDisk = JSON.parse(await fs.readFile(file, 'utf8')) as ProgressData;
    assert.equal(onDisk.version, 3);
    assert.deepEqual(onDisk.topics['sql-basics']?.checked, ['select']);
    const again = (await ProgressStore.open(new FileProgressAdapter(dir, file))).store;
    assert.equal(again.status('sql-basics'), 'inProgress');
  });

  it('loses no update when two windows write the same file at once', async () => {
    const a = (await ProgressStore.open(new FileProgressAdapter(dir, file))).store;
    const b = (await ProgressStore.open(new FileProgressAdapter(dir, file))).store;
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 100; i++) {
      writes.push(a.update(ops.setItem('topic-a', `item-${i}`, true)));
      writes.push(b.update(ops.setItem('topic-b', `item-${i}`, true)));
    }
    writes.push(a.update(ops.setStatus('shared', 'done')), b.update(ops.setItem('shared', 'from-b', true)));
    await Promise.all(writes);
    await Promise.all([a.flush(), b.flush()]);
    const final = (await ProgressStore.open(new FileProgressAdapter(dir, file))).store;
    assert.equal(final.data.topics['topic-a']?.checked.length, 100);
    assert.equal(final.data.topics['topic-b']?.checked.length, 100);
    assert.equal(final.status('shared'), 'done');
    assert.deepEqual(final.data.topics.shared?.checked, ['from-b']);
    // Each window sees the other's work when it next writes, or reloads on the file watcher's event.
    await b.reload();
    assert.equal(b.data.topics['topic-a']?.checked.length, 100);
    await assert.rejects(fs.stat(`${file}.lock`), 'the lock is released');
  });

  it('follows an outside edit (a git pull) on reload, and says when nothing changed', async () => {
    const { store } = await ProgressStore.open(new FileProgressAdapter(dir, file));
    await store.update(ops.setStatus('dns', 'inProgress'));
    let fired = 0;
    store.onDidChange(() => fired++);
    const edited = JSON.parse(await fs.readFile(file, 'utf8')) as ProgressData;
    edited.topics.dns = { status: 'done', checked: [], updatedAt: new Date().toISOString() };
    await fs.writeFile(file, JSON.stringify(edited));
    assert.deepEqual(await store.reload(), []);
    assert.equal(store.status('dns'), 'done');
    assert.equal(fired, 1);
    await store.reload();
    assert.equal(fired, 1, 'an unchanged file fires nothing');
  });

  it('backs up a corrupt file, reports its line and column, and never replaces it silently', async () => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const broken = '{\n  "version": 2,\n  "topics": {,\n}\n';
    await fs.writeFile(file, broken);
    const { store, warnings } = await ProgressStore.open(new FileProgressAdapter(dir, file));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:14: progress file is not valid JSON`));
    const backups = (await fs.readdir(path.dirname(file))).filter((f) => f.startsWith('progress.json.corrupt-'));
    assert.equal(backups.length, 1);
    assert.equal(await fs.readFile(path.join(path.dirname(file), backups[0] ?? ''), 'utf8'), broken);
    assert.equal(await fs.readFile(file, 'utf8'), broken, 'opening alone writes nothing');
    // A corrupt edit arriving later is also backed up and reported, and the progress in memory is kept.
    await store.update(ops.setStatus('dns', 'done'));
    await fs.writeFile(file, '{"version": 2, "topics": [}');
    const later = await store.reload();
    assert.match(later[0] ?? '', /:1:27: progress file is not valid JSON/);
    assert.equal(store.status('dns'), 'done');
  });

  it('switches storage, copying progress across or taking what the target holds', async () => {
    const memory = new MemoryProgressAdapter();
    const { store } = await ProgressStore.open(memory);
    await store.update(ops.setStatus('jwt', 'done'));
    await store.switchTo(new FileProgressAdapter(dir, file), true);
    assert.equal((JSON.parse(await fs.readFile(file, 'utf8')) as ProgressData).topics.jwt?.status, 'done');
    await store.switchTo(new MemoryProgressAdapter(), false);
    assert.equal(store.status('jwt'), 'notStarted', 'an empty target shows empty progress');
  });

  it('finds the line and column of real JSON.parse errors, including those whose message has no position', () => {
    for (const [text, line, col] of [
      ['{\n  "a": 1,\n  "b": tru\n}', 3, 8],
      ['{"x": [1, 2, undefined]}', 1, 14],
      ['{\n  "a": ,\n}', 2, 8],
      ['{"a": 1,}', 1, 9],
      ['[1, 2', 1, 6],
    ] as const) {
      let message = '';
      try {
        JSON.parse(text);
      } catch (e) {
        message = (e as Error).message;
      }
      assert.ok(message, `${text} is invalid`);
      assert.deepEqual(jsonErrorPosition(text, message), { line, col }, `${JSON.stringify(text)}: ${message}`);
    }
  });

  it('breaks a lock left by a crashed writer, and never removes a lock it does not hold', async () => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const lock = `${file}.lock`;
    await fs.writeFile(lock, 'crashed-window');
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lock, old, old);
    const { store } = await ProgressStore.open(new FileProgressAdapter(dir, file));
    await store.update(ops.setStatus('dns', 'done'));
    await assert.rejects(fs.stat(lock), 'the stale lock is gone and ours released');
    // A fresh lock held by someone else makes a writer wait, then give up with a message.
    await fs.writeFile(lock, 'other-window');
    const impatient = (await ProgressStore.open(new FileProgressAdapter(dir, file, { lockTimeoutMs: 300 }))).store;
    await assert.rejects(impatient.update(ops.setStatus('sql', 'done')), /is held by another writer/);
    assert.equal(await fs.readFile(lock, 'utf8'), 'other-window');
    assert.match(await fs.readFile(path.join(path.dirname(file), '.gitignore'), 'utf8'), /\*\.lock/);
  });
});

describe('progress history and the dashboard numbers', () => {
  it('timestamps status changes, including those ticking an item causes', async () => {
    const { store } = await ProgressStore.open(new MemoryProgressAdapter());
    await store.update(ops.setItem('dns', 'a', true));
    await store.update(ops.setItem('dns', 'b', true));
    await store.update(ops.setStatus('dns', 'done'));
    await store.update(ops.resetTopics(['dns']));
    assert.deepEqual(
      store.data.history.map((e) => e.status),
      ['inProgress', 'done', 'notStarted'],
    );
    for (const e of store.data.history) assert.ok(!Number.isNaN(Date.parse(e.at)));
  });

  it('migrates version 1 data, dating done topics by their last update', () => {
    const v1 = {
      version: 1,
      topics: {
        dns: { status: 'done', checked: [], updatedAt: '2026-10-01T10:00:00.000Z' },
        sql: { checked: ['x'], updatedAt: '2026-10-02T10:00:00.000Z' },
      },
      exercises: {},
    };
    const result = migrate(v1);
    assert.ok(result.ok);
    assert.equal(result.data.version, 3);
    assert.deepEqual(result.data.history, [{ at: '2026-10-01T10:00:00.000Z', topicId: 'dns', status: 'done' }]);
  });

  it('counts weekly completions once per topic, only while still done, plus passed exercises', () => {
    const data = emptyProgress();
    data.topics = {
      a: { status: 'done', checked: [], updatedAt: '' },
      b: { status: 'inProgress', checked: [], updatedAt: '' },
      c: { status: 'done', checked: [], updatedAt: '' },
    };
    data.history = [
      { at: '2026-11-02T09:00:00.000Z', topicId: 'a', status: 'done' },
      { at: '2026-11-03T09:00:00.000Z', topicId: 'a', status: 'inProgress' },
      { at: '2026-11-17T09:00:00.000Z', topicId: 'a', status: 'done' },
      { at: '2026-11-10T09:00:00.000Z', topicId: 'b', status: 'done' },
      { at: '2026-11-11T09:00:00.000Z', topicId: 'b', status: 'inProgress' },
      { at: '2025-01-01T09:00:00.000Z', topicId: 'c', status: 'done' },
    ];
    data.exercises = { 'express-route': { passedAt: '2026-11-20T12:00:00.000Z' } };
    const weeks = weeklyActivity(data, new Date('2026-11-21T12:00:00.000Z'), 4);
    assert.deepEqual(weeks, [
      { weekStart: '2026-10-26', topicsDone: 0, exercisesPassed: 0 },
      { weekStart: '2026-11-02', topicsDone: 0, exercisesPassed: 0 },
      { weekStart: '2026-11-09', topicsDone: 0, exercisesPassed: 0 },
      { weekStart: '2026-11-16', topicsDone: 1, exercisesPassed: 1 },
    ]);
  });

  it('sums the estimated hours left, leaving out done and skipped topics', () => {
    const topic = (id: string, estimatedHours: number) => ({
      id,
      title: id,
      summary: '',
      why: '',
      estimatedHours,
      prerequisites: [],
      checklist: [],
      resources: [],
      exercises: [],
      questions: [],
    });
    const roadmap = { phases: [{ id: 'p', title: 'P', topics: [topic('a', 4), topic('b', 6), topic('c', 2.5)] }] } as unknown as Roadmap;
    const data = emptyProgress();
    data.topics = { a: { status: 'done', checked: [], updatedAt: '' }, c: { status: 'skipped', checked: [], updatedAt: '' } };
    assert.deepEqual(hoursLeft(roadmap, data), { left: 6, total: 12.5 });
  });
});
