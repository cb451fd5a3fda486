const { test } = require('node:test');
const assert = require('node:assert/strict');
const { backoffDelay, retry } = require('../src/retry');
const { CircuitBreaker, CircuitOpenError } = require('../src/circuitBreaker');

// Nothing here waits for real or depends on luck: `random` returns the numbers a test chooses, and
// `sleep` records each delay (and moves a fake clock) instead of waiting.

/** A random source that returns `values` in turn (then starts over), and counts its calls. */
function scripted(...values) {
  const random = () => values[random.calls++ % values.length];
  random.calls = 0;
  return random;
}

/** A sleep that records each delay, moves `clock` (if any) by it, and returns at once. */
function recordingSleep(clock) {
  const sleep = (ms) => {
    sleep.delays.push(ms);
    if (clock) clock.time += ms;
    return Promise.resolve();
  };
  sleep.delays = [];
  return sleep;
}

/** A function that fails `failures` times, then returns 'done'; it counts its calls. */
function flaky(failures) {
  const fn = () => {
    fn.calls++;
    return fn.calls <= failures ? Promise.reject(new Error(`attempt ${fn.calls} failed`)) : Promise.resolve('done');
  };
  fn.calls = 0;
  return fn;
}

/** A function that always rejects with `error` (or a numbered error), and counts its calls. */
function failing(error) {
  const fn = () => {
    fn.calls++;
    return Promise.reject(error ?? new Error(`failure ${fn.calls}`));
  };
  fn.calls = 0;
  return fn;
}

async function rejection(promise, what) {
  let value;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  return assert.fail(`${what} should have been rejected, but it resolved with ${JSON.stringify(value)}`);
}

/** What a promise resolved with; a test failure, saying what happened, if it rejected. */
async function resolution(promise, what) {
  try {
    return await promise;
  } catch (error) {
    return assert.fail(`${what} should have resolved, but it rejected with ${String(error)}`);
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('backoffDelay: the ceiling doubles with each attempt, up to the cap', () => {
  const half = () => 0.5;
  const delays = [0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, { baseMs: 100, capMs: 2000, random: half }));
  assert.deepEqual(
    delays,
    [50, 100, 200, 400, 800, 1000, 1000],
    'with baseMs 100 and capMs 2000 the ceilings are 100, 200, 400, 800, 1600, 2000, 2000 (attempt 0 is the first ' +
      'retry: 100 · 2^0 = 100), and random() = 0.5 picks half of each. Expected delay = random() * min(capMs, baseMs * 2 ** attempt)',
  );
});

test('backoffDelay: full jitter spreads the delay over the whole range, from 0 up to the ceiling', () => {
  assert.equal(
    backoffDelay(3, { baseMs: 100, capMs: 10_000, random: () => 0 }),
    0,
    'random() = 0 gives a delay of 0: full jitter picks anywhere in [0, ceiling), not only the upper half',
  );
  assert.equal(backoffDelay(3, { baseMs: 100, capMs: 10_000, random: () => 0.25 }), 200, 'a quarter of the ceiling 800');
  assert.equal(backoffDelay(3, { baseMs: 100, capMs: 10_000, random: () => 0.75 }), 600, 'three quarters of the ceiling 800');
});

test('backoffDelay: the cap limits the ceiling before the random share is taken', () => {
  assert.equal(
    backoffDelay(10, { baseMs: 100, capMs: 1000, random: () => 0.5 }),
    500,
    '100 · 2^10 = 102,400 is capped to 1,000 first, and half of that is 500 (capping after the random share would give 1,000)',
  );
  assert.equal(backoffDelay(2000, { baseMs: 100, capMs: 1000, random: () => 0.5 }), 500, 'a huge attempt number is capped too');
});

test('backoffDelay: uses the random source it is given, once per delay', () => {
  const random = scripted(0.5);
  backoffDelay(1, { baseMs: 100, capMs: 1000, random });
  assert.equal(random.calls, 1, `backoffDelay should call random() exactly once, not ${random.calls} times (and not Math.random)`);
});

test('retry: a call that succeeds at once is made once, with no wait', async () => {
  const fn = flaky(0);
  const sleep = recordingSleep();
  const random = scripted(0.5);
  assert.equal(await retry(fn, { retries: 3, baseMs: 100, capMs: 1000, random, sleep }), 'done');
  assert.equal(fn.calls, 1);
  assert.deepEqual(sleep.delays, [], 'no failure, so no sleep');
  assert.equal(random.calls, 0, 'no retry, so no random delay to draw');
});

test('retry: waits the backoff delays between failures, then returns the result', async () => {
  const fn = flaky(3);
  const sleep = recordingSleep();
  const random = scripted(0.5, 0.25, 1 / 8);
  const result = await resolution(
    retry(fn, { retries: 5, baseMs: 100, capMs: 10_000, random, sleep }),
    'retry of a call that fails three times, with 5 retries allowed',
  );
  assert.equal(result, 'done', 'the fourth call succeeds, so retry resolves with its result');
  assert.equal(fn.calls, 4, 'three failures and one success: four calls');
  assert.deepEqual(
    sleep.delays,
    [50, 50, 50],
    'before retry 0, 1 and 2 the ceilings are 100, 200 and 400; random() gives 0.5, 0.25 and 0.125 of them. ' +
      'Wait with the `sleep` option, and draw a new random number for each delay',
  );
});

test('retry: gives up after `retries` retries with the last error, and does not sleep after it', async () => {
  const fn = failing();
  const sleep = recordingSleep();
  const error = await rejection(
    retry(fn, { retries: 3, baseMs: 100, capMs: 10_000, random: () => 0.5, sleep }),
    'retry of a call that always fails',
  );
  assert.equal(fn.calls, 4, '3 retries means 4 calls in all: the first and three more');
  assert.equal(error.message, 'failure 4', 'retry should reject with the error of the last call, as it is');
  assert.deepEqual(sleep.delays, [50, 100, 200], 'three waits, one before each retry, and none after the last failure');
});

test('retry: retries 0 means one call and no wait', async () => {
  const sleep = recordingSleep();
  const fn = flaky(1);
  await rejection(retry(fn, { retries: 0, baseMs: 100, capMs: 1000, sleep }), 'retry with retries: 0');
  assert.equal(fn.calls, 1);
  assert.deepEqual(sleep.delays, []);
});

test('retry: waits for each sleep to finish before calling again', async () => {
  const fn = flaky(2);
  const pending = [];
  const sleep = (ms) => new Promise((resolve) => pending.push({ ms, resolve }));
  const result = retry(fn, { retries: 3, baseMs: 100, capMs: 1000, random: () => 0.5, sleep });
  result.catch(() => {}); // looked at below; until then, a rejection is no unhandled one
  await settle();
  assert.equal(fn.calls, 1, 'after the first failure retry should be sleeping');
  assert.equal(pending.length, 1, 'one sleep should have started');
  await settle();
  assert.equal(fn.calls, 1, 'the next call must wait until the sleep has finished: await it');
  pending[0].resolve();
  await settle();
  assert.equal(fn.calls, 2, 'the sleep is over: the second call is made');
  pending[1].resolve();
  assert.equal(await resolution(result, 'retry of a call that fails twice'), 'done');
});

test('retry: an error that shouldRetry turns down is thrown at once', async () => {
  const notFound = Object.assign(new Error('404 Not Found'), { status: 404 });
  const fn = failing(notFound);
  const sleep = recordingSleep();
  const seen = [];
  const shouldRetry = (error) => {
    seen.push(error);
    return !(error.status >= 400 && error.status < 500);
  };
  const error = await rejection(retry(fn, { retries: 3, baseMs: 100, capMs: 1000, sleep, shouldRetry }), 'retry of a 404');
  assert.equal(error, notFound);
  assert.equal(fn.calls, 1, 'shouldRetry said no: a 404 will not turn into a 200 by asking again');
  assert.deepEqual(seen, [notFound], 'shouldRetry is asked about the error, once');
  assert.deepEqual(sleep.delays, []);
});

test('retry: a CircuitOpenError is never retried', async () => {
  const open = new CircuitOpenError(5000);
  const fn = failing(open);
  const sleep = recordingSleep();
  const error = await rejection(
    retry(fn, { retries: 3, baseMs: 100, capMs: 1000, sleep, shouldRetry: () => true }),
    'retry through an open breaker',
  );
  assert.equal(error, open);
  assert.equal(fn.calls, 1, 'the breaker says the dependency is down: give up at once, even when shouldRetry says yes');
  assert.deepEqual(sleep.delays, []);
});

test('retry: refuses settings that make no sense', async () => {
  for (const [options, what] of [
    [{ retries: -1 }, 'retries -1'],
    [{ retries: 1.5 }, 'retries 1.5'],
    [{ retries: NaN }, 'retries NaN'],
    [{ baseMs: 0 }, 'baseMs 0'],
    [{ baseMs: -100 }, 'baseMs -100'],
    [{ capMs: 50, baseMs: 100 }, 'capMs below baseMs'],
    [{ capMs: Infinity }, 'capMs Infinity'],
  ]) {
    const fn = flaky(0);
    const error = await rejection(retry(fn, { sleep: recordingSleep(), ...options }), what);
    assert.ok(error instanceof RangeError, `${what} should be refused with a RangeError, got ${String(error)}`);
    assert.equal(fn.calls, 0, `${what}: refuse before calling anything`);
  }
});

test('together: retries through a breaker stop when it opens, and go through once it has recovered', async () => {
  const clock = { time: 0, now: () => clock.time };
  const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 30_000, now: clock.now });
  const sleep = recordingSleep(clock);
  let up = false;
  let reached = 0;
  const dependency = () => {
    reached++;
    return up ? Promise.resolve('ok') : Promise.reject(new Error('503 Service Unavailable'));
  };
  const options = { retries: 5, baseMs: 100, capMs: 10_000, random: () => 1 / 2, sleep };
  const error = await rejection(
    retry(() => breaker.call(dependency), options),
    'retries while the dependency is down',
  );
  assert.equal(reached, 3, 'three failures reach the dependency and open the breaker');
  assert.ok(
    error instanceof CircuitOpenError,
    `the fourth call meets the open breaker, and retry gives up with its CircuitOpenError; got ${String(error)}`,
  );
  assert.deepEqual(sleep.delays, [50, 100, 200], 'a wait before each of the three retries, of 0.5 · 100, 0.5 · 200 and 0.5 · 400 ms');
  assert.equal(error.retryAfterMs, 30_000 - 200, 'the breaker opened at 150 ms (after two sleeps) and the last sleep took 200 ms more');
  clock.time += 30_000;
  up = true;
  assert.equal(
    await resolution(
      retry(() => breaker.call(dependency), options),
      'a retry after the cool-down',
    ),
    'ok',
    'after the cool-down the trial call succeeds',
  );
  assert.equal(breaker.state, 'closed');
});
