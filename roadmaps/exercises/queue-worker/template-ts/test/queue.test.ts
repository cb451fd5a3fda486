import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { createQueue } from '../src/queue';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// A timeout per test: a drain() that never resolves fails the test instead of hanging the run.
const opts = { timeout: 10_000 };

test('jobs start in the order they were added', opts, async () => {
  const started: number[] = [];
  const queue = createQueue({
    concurrency: 1,
    handler: async (n: number) => {
      started.push(n);
      await sleep(2);
      return n * 10;
    },
  });
  for (const n of [1, 2, 3, 4, 5]) queue.add(n);
  await queue.drain();
  assert.deepEqual(started, [1, 2, 3, 4, 5], 'With concurrency 1, jobs should run one after another, oldest first.');
  assert.deepEqual(queue.completed.map((c) => c.result), [10, 20, 30, 40, 50], 'Each completed entry should hold the handler result.');
});

test('never runs more than `concurrency` jobs at once, and uses every slot', opts, async () => {
  let inFlight = 0;
  let peak = 0;
  const queue = createQueue({
    concurrency: 3,
    handler: async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await sleep(20);
      inFlight--;
    },
  });
  for (let i = 0; i < 10; i++) queue.add(i);
  await queue.drain();
  assert.ok(peak <= 3, `Up to ${peak} jobs ran at the same time with concurrency 3. Only start a job while fewer than 3 are running.`);
  assert.equal(peak, 3, `Only ${peak} job(s) ran at the same time; with concurrency 3 and 10 jobs, 3 should run in parallel.`);
  assert.equal(queue.completed.length, 10, 'All 10 jobs should complete.');
});

test('a flaky job is retried and succeeds on attempt 3', opts, async () => {
  const attempts: number[] = [];
  const queue = createQueue({
    maxAttempts: 5,
    backoffMs: 5,
    handler: async (_data: { email: string }, { attempt }) => {
      attempts.push(attempt);
      if (attempt < 3) throw new Error(`flaky failure ${attempt}`);
      return 'sent';
    },
  });
  queue.add({ email: 'ada@example.com' });
  await queue.drain();
  assert.deepEqual(attempts, [1, 2, 3], 'The handler should be called again after a failure (attempt 1, 2, then 3), not give up at once.');
  assert.equal(queue.deadLetters.length, 0, 'A job that succeeds on a retry is not a dead letter.');
  assert.equal(queue.completed.length, 1);
  assert.equal(queue.completed[0].attempts, 3, 'The completed entry should record that it took 3 attempts.');
  assert.equal(queue.completed[0].result, 'sent');
});

test('a poison job becomes a dead letter after maxAttempts, with its last error, and does not block others', opts, async () => {
  const calls = new Map<string, number>();
  const queue = createQueue({
    concurrency: 1,
    maxAttempts: 3,
    backoffMs: 5,
    handler: async (data: { name: string }, { attempt }) => {
      calls.set(data.name, (calls.get(data.name) ?? 0) + 1);
      if (data.name === 'poison') throw new Error(`cannot parse payload (attempt ${attempt})`);
      return 'ok';
    },
  });
  queue.add({ name: 'poison' });
  queue.add({ name: 'good' });
  await queue.drain();
  assert.equal(calls.get('poison'), 3, `The poison job ran ${calls.get('poison')} time(s); it should run exactly maxAttempts (3) times.`);
  assert.equal(queue.deadLetters.length, 1, 'The poison job should end in deadLetters.');
  const dead = queue.deadLetters[0];
  assert.deepEqual(dead.data, { name: 'poison' });
  assert.equal(dead.attempts, 3);
  assert.equal((dead.error as Error | undefined)?.message, 'cannot parse payload (attempt 3)', 'The dead letter should keep the error of the last attempt.');
  assert.deepEqual(queue.completed.map((c) => c.data.name), ['good'], 'The good job should complete even though the poison job failed.');
});

test('waits backoffMs * 2^(attempt-1) between attempts', opts, async () => {
  const backoffMs = 40;
  const startedAt: number[] = [];
  const queue = createQueue({
    maxAttempts: 4,
    backoffMs,
    handler: async () => {
      startedAt.push(performance.now());
      throw new Error('still down');
    },
  });
  queue.add('ping');
  await queue.drain();
  assert.equal(startedAt.length, 4, `Expected 4 attempts (maxAttempts), got ${startedAt.length}.`);
  const gaps = startedAt.slice(1).map((t, i) => Math.round(t - startedAt[i]));
  const expected = [40, 80, 160];
  gaps.forEach((gap, i) => {
    // Timers never fire much early, but a busy machine can make them late: generous upper bound.
    assert.ok(
      gap >= expected[i] - 5 && gap <= expected[i] + 150,
      `Waits between attempts were ${gaps.join(', ')} ms; expected about ${expected.join(', ')} ms ` +
        `(backoffMs * 2 ** (attempt - 1), attempt being the one that just failed).`,
    );
  });
});

test('a job waiting for its backoff does not hold a concurrency slot', opts, async () => {
  const backoffMs = 300;
  const startedAt: Record<string, number> = {};
  const queue = createQueue({
    concurrency: 1,
    maxAttempts: 2,
    backoffMs,
    handler: async (name: string, { attempt }) => {
      startedAt[`${name} ${attempt}`] = performance.now();
      if (name === 'flaky' && attempt === 1) throw new Error('the mail server is down');
      await sleep(5);
    },
  });
  queue.add('flaky');
  queue.add('other');
  await queue.drain();
  const waited = Math.round(startedAt['other 1'] - startedAt['flaky 1']);
  assert.ok(
    waited < backoffMs / 2,
    `With concurrency 1, "other" started ${waited} ms after "flaky" failed: it waited out flaky's ${backoffMs} ms backoff. ` +
      'Schedule the retry with setTimeout and let run() finish, so the slot is free while the job waits.',
  );
  assert.ok(startedAt['flaky 2'] - startedAt['flaky 1'] >= backoffMs - 5, 'the retry still waits its backoff');
});

test('drain() waits for jobs added after an earlier drain() resolved', opts, async () => {
  const queue = createQueue({
    handler: async (n: number) => {
      await sleep(20);
      return n;
    },
  });
  queue.add(1);
  await queue.drain();
  assert.equal(queue.completed.length, 1);
  queue.add(2);
  await queue.drain();
  assert.equal(queue.completed.length, 2, 'the second drain() resolved before job 2 completed: each drain() waits for the queue as it is now');
});

test('nothing is lost: every job ends completed or dead, exactly once', opts, async () => {
  const maxAttempts = 3;
  const failuresOf = (n: number) => n % 5; // job n fails its first n % 5 attempts: 3 and 4 never make it
  const calls = new Map<number, number>();
  const queue = createQueue({
    concurrency: 4,
    maxAttempts,
    backoffMs: 1,
    handler: async (n: number, { attempt }) => {
      calls.set(n, (calls.get(n) ?? 0) + 1);
      await sleep(n % 3);
      if (attempt <= failuresOf(n)) throw new Error(`job ${n} failed attempt ${attempt}`);
      return n;
    },
  });
  const jobs = Array.from({ length: 30 }, (_, n) => n);
  const ids = jobs.map((n) => queue.add(n));
  assert.equal(new Set(ids).size, 30, 'add() should return a distinct id for every job.');
  await queue.drain();

  const done = queue.completed.map((c) => c.data);
  const dead = queue.deadLetters.map((d) => d.data);
  assert.deepEqual([...done, ...dead].sort((a, b) => a - b), jobs, 'Every job must end exactly once, in completed or in deadLetters.');
  assert.deepEqual(dead.sort((a, b) => a - b), jobs.filter((n) => failuresOf(n) >= maxAttempts), 'Only jobs that failed all 3 attempts belong in deadLetters.');
  for (const n of jobs) {
    assert.equal(calls.get(n), Math.min(failuresOf(n) + 1, maxAttempts), `Job ${n} ran ${calls.get(n)} time(s).`);
  }
});

test('drain() resolves at once when idle, and waits for retries still in backoff', opts, async () => {
  const idle = createQueue({ handler: async () => {} });
  await idle.drain();

  let attempts = 0;
  const queue = createQueue({
    backoffMs: 50,
    handler: async () => {
      attempts++;
      if (attempts === 1) throw new Error('first try fails');
    },
  });
  queue.add('job');
  await queue.drain();
  assert.equal(attempts, 2, 'drain() resolved before the retry ran: a job waiting for its backoff is not settled yet.');
  assert.equal(queue.completed.length, 1);
});
