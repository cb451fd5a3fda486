const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const { SwrCache } = require('../src/swrCache');

// No test waits for real time: the cache reads the time from `now`, a manual clock the tests move
// by hand, and every load is a promise the test settles itself.

/** A loader whose calls are recorded; each returns a promise the test resolves or rejects. */
function controlledLoader() {
  const calls = [];
  const loader = (key) => new Promise((resolve, reject) => calls.push({ key, resolve, reject }));
  return { loader, calls };
}

/** Lets pending promise callbacks run (no timer: one turn of the event loop). */
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Whether `promise` has settled after one turn, and how. */
async function settledNow(promise) {
  let state = { settled: false };
  promise.then(
    (value) => (state = { settled: true, value }),
    (error) => (state = { settled: true, error }),
  );
  await tick();
  return state;
}

/** Asserts that get(key) answers at once, from the cache, with `expected`. */
async function assertServed(cache, key, expected, message) {
  const state = await settledNow(cache.get(key));
  assert.deepEqual(state, { settled: true, value: expected }, message ?? `get('${key}') should answer at once with ${JSON.stringify(expected)}`);
}

/** A cache with fresh 1000 ms and stale 5000 ms (so expired from 6000 ms), and its manual clock. */
function setup(options = {}) {
  const clock = { t: 0 };
  const { loader, calls } = controlledLoader();
  const cache = new SwrCache({ loader, freshMs: 1000, staleMs: 5000, now: () => clock.t, ...options });
  /** Gets `key` as a miss and completes its load with `value`. */
  async function load(key, value) {
    const pending = cache.get(key);
    assert.ok(calls.length > 0, 'a miss should call the loader');
    calls.at(-1).resolve(value);
    return pending;
  }
  return { clock, calls, cache, load };
}

describe('misses and fresh hits', () => {
  test('a miss calls the loader with the key, and the value is cached', async () => {
    const { calls, cache, load } = setup();
    assert.equal(await load('user:1', 'Ada'), 'Ada');
    assert.deepEqual(
      calls.map((c) => c.key),
      ['user:1'],
    );
    await assertServed(cache, 'user:1', 'Ada');
    assert.equal(calls.length, 1, 'a cached value should not call the loader again');
  });

  test('a fresh value is served without calling the loader, up to the last fresh millisecond', async () => {
    const { clock, calls, cache, load } = setup();
    await load('a', 1);
    clock.t = 999;
    await assertServed(cache, 'a', 1);
    assert.equal(calls.length, 1);
  });

  test('different keys are loaded and cached separately', async () => {
    const { calls, cache, load } = setup();
    await load('a', 'A');
    await load('b', 'B');
    await assertServed(cache, 'a', 'A');
    await assertServed(cache, 'b', 'B');
    assert.equal(calls.length, 2);
  });

  test('concurrent misses for one key call the loader once, and all get its value (single-flight)', async () => {
    const { calls, cache } = setup();
    const waiting = [cache.get('hot'), cache.get('hot'), cache.get('hot')];
    assert.equal(calls.length, 1, 'three callers missed at once: the loader should run once for them all');
    calls[0].resolve('v');
    assert.deepEqual(await Promise.all(waiting), ['v', 'v', 'v']);
  });

  test('the fresh time counts from when the load finished, not from when it was asked for', async () => {
    const { clock, calls, cache } = setup();
    const pending = cache.get('slow');
    clock.t = 800; // the loader took 800 ms
    calls[0].resolve('v');
    await pending;
    clock.t = 1700; // 900 ms after the load finished: still fresh
    await assertServed(cache, 'slow', 'v');
    assert.equal(calls.length, 1, 'the value is 900 ms old: it is fresh, so no refresh should start');
  });
});

describe('stale while revalidate', () => {
  test('a stale value is served at once, and refreshed in the background', async () => {
    const { clock, calls, cache, load } = setup();
    await load('a', 'v1');
    clock.t = 1000; // the first stale millisecond
    const hit = await settledNow(cache.get('a'));
    assert.deepEqual(hit, { settled: true, value: 'v1' }, 'a stale hit should answer at once, not wait for the refresh');
    assert.equal(calls.length, 2, 'a stale hit should start a refresh');
    calls[1].resolve('v2');
    await tick();
    await assertServed(cache, 'a', 'v2');
    assert.equal(calls.length, 2, 'the refreshed value is fresh again');
  });

  test('many stale hits start one refresh', async () => {
    const { clock, calls, cache, load } = setup();
    await load('a', 'v1');
    clock.t = 3000;
    for (let i = 0; i < 3; i++) await assertServed(cache, 'a', 'v1');
    assert.equal(calls.length, 2, 'one refresh in flight is enough: the other stale hits should not start more');
  });

  test('past the stale window the old value is not served: the caller waits for a new load', async () => {
    const { clock, calls, cache, load } = setup();
    await load('a', 'v1');
    clock.t = 5999;
    await assertServed(cache, 'a', 'v1', 'the last stale millisecond still serves the old value');
    calls[1].reject(new Error('down')); // its refresh fails
    await tick();
    clock.t = 6000; // fresh 1000 + stale 5000: expired
    const miss = cache.get('a');
    assert.equal((await settledNow(miss)).settled, false, 'an expired value must not be served');
    assert.equal(calls.length, 3);
    calls[2].resolve('v2');
    assert.equal(await miss, 'v2');
  });

  test('a failed refresh keeps the stale value served until the window ends', async () => {
    const { clock, calls, cache, load } = setup();
    await load('a', 'v1');
    clock.t = 1500;
    await assertServed(cache, 'a', 'v1');
    calls[1].reject(new Error('database down'));
    await tick();
    clock.t = 2000;
    const hit = await settledNow(cache.get('a'));
    assert.deepEqual(hit, { settled: true, value: 'v1' }, 'after a failed refresh the stale value should still be served');
    assert.equal(calls.length, 3, 'the next stale hit after a failed refresh may try again');
    calls[2].resolve('v2');
    await tick();
    await assertServed(cache, 'a', 'v2');
  });
});

describe('errors', () => {
  test('a failed load reaches every waiter and is not cached: the next get calls the loader again', async () => {
    const { calls, cache } = setup();
    const first = cache.get('a');
    const second = cache.get('a');
    assert.equal(calls.length, 1);
    calls[0].reject(new Error('timeout'));
    await assert.rejects(first, /timeout/);
    await assert.rejects(second, /timeout/);
    const retry = cache.get('a');
    assert.equal(calls.length, 2, 'the error should not be cached: a new get should call the loader');
    calls[1].resolve('ok');
    assert.equal(await retry, 'ok');
  });

  test('a loader that throws instead of rejecting gives a rejected promise too', async () => {
    const cache = new SwrCache({
      loader: () => {
        throw new Error('bad key');
      },
      freshMs: 1000,
      now: () => 0,
    });
    await assert.rejects(cache.get('a'), /bad key/);
  });
});

describe('size and invalidation', () => {
  test('no more than maxEntries entries: the least recently used one is dropped', async () => {
    const { calls, cache, load } = setup({ maxEntries: 2 });
    await load('a', 'A');
    await load('b', 'B');
    await assertServed(cache, 'a', 'A'); // now b is the least recently used
    await load('c', 'C');
    assert.equal(cache.size, 2);
    await assertServed(cache, 'a', 'A');
    await assertServed(cache, 'c', 'C');
    assert.equal(calls.length, 3, 'a and c should still be cached');
    cache.get('b');
    assert.equal(calls.length, 4, 'b was the least recently used: it should have been dropped');
  });

  test('delete drops an entry: the next get loads it again', async () => {
    const { calls, cache, load } = setup();
    await load('a', 'old');
    assert.equal(cache.delete('a'), true);
    assert.equal(await load('a', 'new'), 'new');
    assert.equal(calls.length, 2);
  });

  test('invalid options are refused', () => {
    const loader = async () => 1;
    assert.throws(() => new SwrCache({ freshMs: 1000 }), TypeError);
    assert.throws(() => new SwrCache({ loader, freshMs: -1 }), RangeError);
    assert.throws(() => new SwrCache({ loader, freshMs: 1000, staleMs: Number.NaN }), RangeError);
    assert.throws(() => new SwrCache({ loader, freshMs: 1000, maxEntries: 0 }), RangeError);
  });
});
