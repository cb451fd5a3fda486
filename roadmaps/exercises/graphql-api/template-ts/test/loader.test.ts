import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLoader } from '../src/loader';

/** A batch function that records each call, and answers key * 10 (null for 0). */
function recorder() {
  const calls: number[][] = [];
  const batchFn = async (keys: number[]) => {
    calls.push(keys);
    return keys.map((k) => (k === 0 ? null : k * 10));
  };
  return { calls, batchFn };
}

test('load() calls made in the same tick go to batchFn together, once', async () => {
  const { calls, batchFn } = recorder();
  const loader = createLoader(batchFn);
  const values = await Promise.all([1, 2, 3].map((k) => loader.load(k)));
  assert.deepEqual(values, [10, 20, 30], 'each load() resolves to the value at its key\'s index');
  assert.deepEqual(calls, [[1, 2, 3]], 'one batchFn call with all three keys; queue the keys and dispatch on process.nextTick');
});

test('a key asked twice in one batch is sent to batchFn once', async () => {
  const { calls, batchFn } = recorder();
  const loader = createLoader(batchFn);
  const values = await Promise.all([1, 2, 1, 0].map((k) => loader.load(k)));
  assert.deepEqual(values, [10, 20, 10, null]);
  assert.deepEqual(calls, [[1, 2, 0]], 'deduplicate the keys of a batch');
});

test('a loaded key is cached: loading it again does not call batchFn', async () => {
  const { calls, batchFn } = recorder();
  const loader = createLoader(batchFn);
  assert.equal(await loader.load(7), 70);
  assert.equal(await loader.load(7), 70);
  assert.equal(await loader.load(8), 80);
  assert.deepEqual(calls, [[7], [8]], 'expected batchFn calls [[7], [8]]: the second load(7) is answered from the cache (keep key → promise in a Map)');
});

test('when batchFn rejects, every load of that batch rejects with its error', async () => {
  const loader = createLoader<number, number>(async () => {
    throw new Error('database is down');
  });
  const results = await Promise.allSettled([loader.load(1), loader.load(2)]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
  assert.match(String((results[0] as PromiseRejectedResult).reason?.message), /database is down/);
});

test('a failure is not cached: a later load() of the same key asks batchFn again', async () => {
  let down = true;
  const calls: number[][] = [];
  const loader = createLoader(async (keys: number[]) => {
    calls.push(keys);
    if (down) throw new Error('database is down');
    return keys.map((k) => k * 10);
  });
  await assert.rejects(loader.load(1), /database is down/);
  down = false;
  assert.equal(await loader.load(1), 10, 'the database is back: a new load(1) must try again, not return the cached failure (remove failed keys from the cache)');
  assert.deepEqual(calls, [[1], [1]]);
});

test('a batchFn that returns the wrong number of values makes the loads reject', async () => {
  const loader = createLoader(async (_keys: number[]) => [10]);
  const results = await Promise.allSettled([loader.load(1), loader.load(2)]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['rejected', 'rejected'],
    'two keys but one value: the results cannot be matched to keys, so reject instead of guessing',
  );
});
