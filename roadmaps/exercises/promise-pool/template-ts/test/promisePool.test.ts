import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { promisePool } from '../src/promisePool';

// No sleeps and no timers here: each task returns a promise that the test settles by hand, so it
// decides exactly when each task finishes and looks at what the pool has started in between.
interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** `count` tasks that record when they start and finish only when the test says so. */
function controlled(count: number) {
  const started: number[] = [];
  const deferreds = Array.from({ length: count }, () => deferred<unknown>());
  const tasks = deferreds.map((d, i) => () => {
    started.push(i);
    return d.promise;
  });
  return { started, deferreds, tasks };
}

/**
 * Waits until every promise callback that can run has run. setImmediate fires only once the queue of
 * promise callbacks (microtasks) is empty, so this is not a race against a clock.
 */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Watches a promise without awaiting it: { status: 'pending' | 'fulfilled' | 'rejected', value, error }. */
interface State {
  status: 'pending' | 'fulfilled' | 'rejected';
  value?: unknown;
  error?: unknown;
}
function track(promise: Promise<unknown>): State {
  const state: State = { status: 'pending' };
  promise.then(
    (value) => Object.assign(state, { status: 'fulfilled', value }),
    (error) => Object.assign(state, { status: 'rejected', error }),
  );
  return state;
}

/** How a pool has ended once everything that can run has run, for a message (a pending pool is not awaited forever). */
const describe = (state: State) =>
  state.status === 'pending' ? 'it is still pending' : state.status === 'fulfilled' ? `it resolved with ${JSON.stringify(state.value)}` : `it rejected with ${String(state.error)}`;

/** The value a pool resolved with, once everything that can run has run; a test failure otherwise. */
async function resultOf(promise: Promise<unknown>, what: string): Promise<unknown> {
  const state = track(promise);
  await settle();
  assert.equal(state.status, 'fulfilled', `${what}: the pool should have resolved, but ${describe(state)}`);
  return state.value;
}

// A safety net: a test that still waits after 5 s fails instead of hanging the run.
const opts = { timeout: 5000 };

test('resolves with an empty array when there are no tasks', opts, async () => {
  assert.deepEqual(await resultOf(promisePool([], { concurrency: 2 }), 'no tasks'), []);
});

test('the results come in the order of the tasks, not the order they finished in', opts, async () => {
  const { deferreds, tasks } = controlled(3);
  const pool = track(promisePool(tasks, { concurrency: 3 }));
  deferreds[2].resolve('c');
  await settle();
  deferreds[0].resolve('a');
  await settle();
  deferreds[1].resolve('b');
  await settle();
  assert.equal(pool.status, 'fulfilled', `the pool should resolve once its three tasks have finished, but ${describe(pool)}`);
  assert.deepEqual(pool.value, ['a', 'b', 'c'], "store each result at its task's index, not in the order they come in");
});

test('a task may be an async function or return a plain value', opts, async () => {
  const results = await resultOf(promisePool([() => 1, async () => 2, () => Promise.resolve(3)], { concurrency: 2 }), 'mixed tasks');
  assert.deepEqual(results, [1, 2, 3]);
});

test('never runs more than `concurrency` tasks, and fills a free slot at once', opts, async () => {
  const { started, deferreds, tasks } = controlled(5);
  const pool = track(promisePool(tasks, { concurrency: 2 }));
  await settle();
  assert.deepEqual(started, [0, 1], `with concurrency 2, tasks 0 and 1 should start and no more; started: ${started.join(', ')}`);
  deferreds[1].resolve('b');
  await settle();
  assert.deepEqual(
    started,
    [0, 1, 2],
    'when task 1 finished, task 2 should start at once, while task 0 is still running ' +
      `(don't wait for a whole batch to finish); started: ${started.join(', ')}`,
  );
  deferreds[0].resolve('a');
  await settle();
  assert.deepEqual(started, [0, 1, 2, 3], 'when task 0 finished, task 3 should start');
  deferreds[3].resolve('d');
  deferreds[2].resolve('c');
  await settle();
  assert.deepEqual(started, [0, 1, 2, 3, 4], 'every task starts, in order');
  assert.equal(pool.status, 'pending', 'the pool should wait for its last task');
  deferreds[4].resolve('e');
  await settle();
  assert.equal(pool.status, 'fulfilled', 'the pool should resolve when the last task has finished');
  assert.deepEqual(pool.value, ['a', 'b', 'c', 'd', 'e']);
});

test('concurrency 1 runs the tasks one after another, in order', opts, async () => {
  const { started, deferreds, tasks } = controlled(3);
  const pool = track(promisePool(tasks, { concurrency: 1 }));
  for (let i = 0; i < 3; i++) {
    await settle();
    assert.deepEqual(started, [...Array(i + 1).keys()], `with concurrency 1, task ${i + 1} starts only after task ${i} finished`);
    deferreds[i].resolve(i);
  }
  await settle();
  assert.equal(pool.status, 'fulfilled', `the pool should resolve after its last task, but ${describe(pool)}`);
  assert.deepEqual(pool.value, [0, 1, 2]);
});

test('a limit above the number of tasks starts them all', opts, async () => {
  const { started, deferreds, tasks } = controlled(3);
  const pool = track(promisePool(tasks, { concurrency: 10 }));
  await settle();
  assert.deepEqual(started, [0, 1, 2]);
  deferreds.forEach((d, i) => d.resolve(i));
  await settle();
  assert.deepEqual(pool.value, [0, 1, 2], `the pool should resolve with [0, 1, 2], but ${describe(pool)}`);
});

test('with 200 tasks and concurrency 8, exactly 8 run at a time', opts, async () => {
  let running = 0;
  let peak = 0;
  const tasks = Array.from({ length: 200 }, (_, i) => async () => {
    running++;
    peak = Math.max(peak, running);
    // Hand control back a few times, so the other tasks get their turn while this one "runs".
    for (let hop = 0; hop <= i % 4; hop++) await null;
    running--;
    return i * 2;
  });
  const results = await resultOf(promisePool(tasks, { concurrency: 8 }), '200 tasks');
  assert.ok(peak <= 8, `up to ${peak} tasks ran at the same time with concurrency 8`);
  assert.equal(peak, 8, `only ${peak} task(s) ran at the same time; with concurrency 8, 8 should`);
  assert.deepEqual(results, tasks.map((_, i) => i * 2));
});

test('the first failure rejects the pool with its error at once, and no task starts after it', opts, async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const { started, deferreds, tasks } = controlled(6);
    const pool = track(promisePool(tasks, { concurrency: 3 }));
    await settle();
    const failure = new Error('task 1 failed');
    deferreds[1].reject(failure);
    await settle();
    assert.equal(
      pool.status,
      'rejected',
      `the pool should reject as soon as a task fails, without waiting for tasks 0 and 2, which still run, but ${describe(pool)}`,
    );
    assert.equal(pool.error, failure, 'the pool should reject with the error of the task that failed');
    assert.deepEqual(started, [0, 1, 2], `no task should start after a failure; started: ${started.join(', ')}`);
    deferreds[0].resolve('a');
    await settle();
    assert.deepEqual(started, [0, 1, 2], `task 0 finished after the pool had failed: that must not start task 3; started: ${started.join(', ')}`);
    deferreds[2].reject(new Error('task 2 failed too, later'));
    await settle();
    assert.deepEqual(unhandled, [], 'a later failure of a task still running must not become an unhandled rejection');
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

test('a task that throws instead of returning a promise fails the pool the same way', opts, async () => {
  const failure = new TypeError('cannot read the file');
  const tasks = [
    () => 'fine',
    () => {
      throw failure;
    },
  ];
  const pool = track(promisePool(tasks, { concurrency: 1 }));
  await settle();
  assert.equal(pool.status, 'rejected', `the pool should reject with the error the task threw, but ${describe(pool)}`);
  assert.equal(pool.error, failure, 'the pool should reject with the error the task threw');
});

test('concurrency must be a positive integer, or the pool rejects with a RangeError and starts nothing', opts, async () => {
  for (const bad of [0, -1, 1.5, NaN, Infinity, '2', undefined]) {
    const { started, tasks } = controlled(2);
    const pool = track(promisePool(tasks, { concurrency: bad as number }));
    await settle();
    assert.ok(
      pool.status === 'rejected' && pool.error instanceof RangeError,
      `concurrency ${typeof bad === 'string' ? `'${bad}'` : String(bad)} should be refused with a RangeError, but ${describe(pool)}`,
    );
    assert.deepEqual(started, [], `no task should start with concurrency ${String(bad)}`);
  }
});

test('an already aborted signal rejects the pool with its reason, and no task starts', opts, async () => {
  const { started, tasks } = controlled(3);
  const reason = new Error('the user left');
  const controller = new AbortController();
  controller.abort(reason);
  const pool = track(promisePool(tasks, { concurrency: 2, signal: controller.signal }));
  await settle();
  assert.deepEqual(started, [], "an aborted signal never fires 'abort' again: check signal.aborted before starting tasks");
  assert.equal(pool.status, 'rejected', `the pool should reject with signal.reason, but ${describe(pool)}`);
  assert.equal(pool.error, reason, 'the pool should reject with signal.reason');
});

test('aborting stops the pool at once: it rejects with the reason and starts no more tasks', opts, async () => {
  const { started, deferreds, tasks } = controlled(5);
  const controller = new AbortController();
  const pool = track(promisePool(tasks, { concurrency: 2, signal: controller.signal }));
  await settle();
  deferreds[0].resolve('a');
  await settle();
  assert.deepEqual(started, [0, 1, 2]);
  const reason = new Error('shutting down');
  controller.abort(reason);
  await settle();
  assert.equal(
    pool.status,
    'rejected',
    `the pool should reject as soon as the signal aborts, without waiting for the tasks still running, but ${describe(pool)}`,
  );
  assert.equal(pool.error, reason, 'the pool should reject with signal.reason');
  deferreds[1].resolve('b');
  deferreds[2].resolve('c');
  await settle();
  assert.deepEqual(started, [0, 1, 2], `no task should start after the abort; started: ${started.join(', ')}`);
});

test('abort() without a reason rejects with the AbortError the signal holds', opts, async () => {
  const { tasks } = controlled(2);
  const controller = new AbortController();
  const pool = track(promisePool(tasks, { concurrency: 1, signal: controller.signal }));
  controller.abort();
  await settle();
  assert.equal(pool.status, 'rejected', `the pool should reject when the signal aborts, but ${describe(pool)}`);
  assert.equal(pool.error, controller.signal.reason, 'reject with signal.reason itself (an AbortError here), not an error of your own');
  assert.equal((pool.error as Error).name, 'AbortError');
});

test("takes its 'abort' listener off the signal when it is done", opts, async () => {
  const controller = new AbortController();
  const { signal } = controller;
  // One signal for a whole request or a whole process is common, so a pool must not leave a listener behind.
  await resultOf(promisePool([() => 1, () => 2], { concurrency: 1, signal }), 'two quick tasks');
  assert.equal(getEventListeners(signal, 'abort').length, 0, "the pool resolved but left its 'abort' listener on the signal");
  const failing = track(promisePool([() => Promise.reject(new Error('no'))], { concurrency: 1, signal }));
  await settle();
  assert.equal(failing.status, 'rejected', `a pool whose only task fails should reject, but ${describe(failing)}`);
  assert.equal(getEventListeners(signal, 'abort').length, 0, "the pool rejected but left its 'abort' listener on the signal");
});
