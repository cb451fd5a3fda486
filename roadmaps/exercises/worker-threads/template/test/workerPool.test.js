const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const workerThreads = require('node:worker_threads');

// The tests count the workers the pool starts and stops. They do it by replacing node:worker_threads'
// Worker class with a subclass that records each instance, before the pool is loaded; so create
// workers with `new Worker(...)` from node:worker_threads.
const workers = [];
const RealWorker = workerThreads.Worker;
workerThreads.Worker = class CountedWorker extends RealWorker {
  constructor(...args) {
    super(...args);
    const entry = { worker: this, exited: false };
    this.once('exit', () => {
      entry.exited = true;
    });
    workers.push(entry);
  }
};

const { WorkerPool } = require('../src/workerPool');
const { slowHash } = require('../src/slowHash');

// Whatever a test leaves running is stopped, so the run always ends.
after(async () => {
  await Promise.all(workers.filter((w) => !w.exited).map((w) => w.worker.terminate()));
});

/** Enough rounds to keep a thread busy for a clearly measurable while (a tenth of a second or more). */
const HEAVY = 100_000;

/** The promise's outcome, or a failure after `ms` saying what never came: a lost answer must not hang the run. */
async function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms: was its answer lost?`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until every callback that is ready has run (an 'exit' event, a settled promise). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('run() answers the same digest as slowHash, each task its own', async () => {
  const pool = new WorkerPool(2);
  try {
    const texts = ['a', 'b', 'c', 'd', 'e'];
    const digests = await within(Promise.all(texts.map((t) => pool.run(t, 500))), 10_000, 'run()');
    assert.deepEqual(
      digests,
      texts.map((t) => slowHash(t, 500)),
      'Each run(text, rounds) should resolve with slowHash(text, rounds) for its own text.',
    );
  } finally {
    await pool.terminate();
  }
});

test('a task runs in a worker thread: the event loop keeps ticking meanwhile', async () => {
  const before = workers.length;
  const pool = new WorkerPool(1);
  try {
    await within(pool.run('warm-up', 1), 10_000, 'The warm-up task'); // the worker has started
    assert.ok(workers.length > before, 'new WorkerPool(1) started no worker: create them with new Worker(...) from node:worker_threads.');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    let digest;
    try {
      digest = await within(pool.run('busy', HEAVY), 60_000, 'A heavy task');
    } finally {
      clearInterval(timer);
    }
    const ms = Math.round(performance.now() - started);
    assert.equal(digest, slowHash('busy', HEAVY));
    assert.ok(
      ticks >= 3,
      `A 10 ms timer ticked ${ticks} times during a task of ${ms} ms: the main thread was blocked. ` +
        'run() must hand the task to a worker (postMessage) instead of calling slowHash itself.',
    );
  } finally {
    await pool.terminate();
  }
});

test('the pool starts `size` workers once and reuses them for every task', async () => {
  const before = workers.length;
  const pool = new WorkerPool(2);
  try {
    const digests = await within(
      Promise.all([1, 2, 3, 4, 5, 6].map((n) => pool.run(`task ${n}`, 200))),
      10_000,
      'Six tasks',
    );
    assert.equal(digests.length, 6);
    assert.equal(
      workers.length - before,
      2,
      `A pool of 2 ran 6 tasks with ${workers.length - before} workers; it should start 2 and reuse them. ` +
        'Starting a thread costs time and memory: keep the workers and send them one task after another.',
    );
  } finally {
    await pool.terminate();
  }
});

test('each task gets its own result, even when a later task finishes first', async () => {
  const pool = new WorkerPool(2);
  try {
    const slow = pool.run('slow', HEAVY);
    const quick = pool.run('quick', 1);
    const [slowDigest, quickDigest] = await within(Promise.all([slow, quick]), 60_000, 'Two tasks');
    assert.equal(
      quickDigest,
      slowHash('quick', 1),
      "The quick task got another task's digest. Match each answer to the task its worker was running, not to the oldest task still waiting.",
    );
    assert.equal(slowDigest, slowHash('slow', HEAVY), 'The slow task got the wrong digest.');
  } finally {
    await pool.terminate();
  }
});

test('a task that throws rejects alone, and the pool keeps working', async () => {
  const pool = new WorkerPool(1);
  try {
    const bad = pool.run('oops', 0); // slowHash throws a RangeError for 0 rounds
    const good = pool.run('fine', 10);
    await assert.rejects(
      within(bad, 10_000, 'A task whose slowHash throws'),
      (err) => err instanceof Error && /rounds must be a whole number/.test(err.message),
      "The failing task should reject with an Error carrying slowHash's message (rounds must be a whole number …).",
    );
    assert.equal(await within(good, 10_000, 'The task after a failed one'), slowHash('fine', 10), 'A failed task must not affect the next one.');
    const more = await within(
      Promise.all(['x', 'y', 'z'].map((t) => pool.run(t, 10))),
      10_000,
      'Tasks after a failure',
    );
    assert.deepEqual(more, ['x', 'y', 'z'].map((t) => slowHash(t, 10)), 'The pool should keep working after a task failed.');
  } finally {
    await pool.terminate();
  }
});

test('terminate() stops every worker and rejects the tasks it cuts short', async () => {
  const before = workers.length;
  const pool = new WorkerPool(2);
  const running = pool.run('running', HEAVY);
  const waiting = [pool.run('waiting 1', 10), pool.run('waiting 2', 10), pool.run('waiting 3', 10)];
  const outcomes = Promise.allSettled([running, ...waiting]);
  await within(pool.terminate(), 10_000, 'terminate()');
  await settle();
  const mine = workers.slice(before);
  assert.ok(mine.length > 0, 'new WorkerPool(2) started no worker.');
  assert.deepEqual(
    mine.filter((w) => !w.exited).length,
    0,
    'After await pool.terminate(), every worker of the pool should have stopped: call worker.terminate() on each and wait for it.',
  );
  const settled = await within(outcomes, 5_000, 'The tasks cut short by terminate()');
  assert.equal(settled[0].status, 'rejected', 'The task that was running when terminate() was called should reject.');
  await assert.rejects(
    within(pool.run('late', 1), 5_000, 'run() after terminate()'),
    Error,
    'run() after terminate() should reject.',
  );
});
