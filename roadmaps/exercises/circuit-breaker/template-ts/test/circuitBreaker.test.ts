import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CircuitBreaker, CircuitOpenError } from '../src/circuitBreaker';

// No real time passes in these tests. The breaker reads the time from `now`, a fake clock that moves
// only when a test calls advance(), so "30 seconds later" takes no time at all and never races.
interface FakeClock {
  time: number;
  now: () => number;
  advance: (ms: number) => void;
}
function fakeClock(start = 0): FakeClock {
  const clock: FakeClock = {
    time: start,
    now: () => clock.time,
    advance(ms: number) {
      clock.time += ms;
    },
  };
  return clock;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Waits until every promise callback that can run has run (setImmediate comes after all of them; no clock involved). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A dependency that counts its calls and succeeds or fails as the test sets `up`. */
interface Dependency {
  up: boolean;
  calls: number;
  fn: () => Promise<string>;
}
function dependency(): Dependency {
  const dep: Dependency = {
    up: true,
    calls: 0,
    fn: () => {
      dep.calls++;
      return dep.up ? Promise.resolve(`answer ${dep.calls}`) : Promise.reject(new Error(`call ${dep.calls} failed`));
    },
  };
  return dep;
}

/** What a promise rejected with; a test failure if it resolved. */
async function rejection(promise: Promise<unknown>, what: string): Promise<any> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  return assert.fail(`${what} should have been rejected, but it resolved with ${JSON.stringify(value)}`);
}

/** A breaker on a fake clock whose dependency is down, opened by `failureThreshold` failures. */
async function opened({ failureThreshold = 3, coolDownMs = 10_000 } = {}) {
  const clock = fakeClock();
  const dep = dependency();
  const breaker = new CircuitBreaker({ failureThreshold, coolDownMs, now: clock.now });
  dep.up = false;
  for (let i = 0; i < failureThreshold; i++) await rejection(breaker.call(dep.fn), `failing call ${i + 1}`);
  assert.equal(breaker.state, 'open', `after ${failureThreshold} failures in a row (the threshold) the breaker should be open`);
  return { clock, dep, breaker };
}

test('starts closed and passes results and errors through unchanged', async () => {
  const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 1000, now: fakeClock().now });
  assert.equal(breaker.state, 'closed');
  assert.equal(await breaker.call(() => Promise.resolve(42)), 42, 'call(fn) should resolve with what fn resolves with');
  assert.equal(await breaker.call(async () => 'async'), 'async');
  const failure = new TypeError('the payment API answered 503');
  const error = await rejection(
    breaker.call(() => Promise.reject(failure)),
    'a call whose function rejects',
  );
  assert.equal(error, failure, 'call(fn) should reject with the very error fn rejected with, not a wrapper of it');
  assert.equal(breaker.state, 'closed', 'one failure is below the threshold of 3');
});

test('a function that throws instead of returning a promise is a failure like any other', async () => {
  const breaker = new CircuitBreaker({ failureThreshold: 1, coolDownMs: 1000, now: fakeClock().now });
  const failure = new Error('connection refused');
  let promise: Promise<unknown> = Promise.resolve();
  assert.doesNotThrow(() => {
    promise = breaker.call(() => {
      throw failure;
    });
  }, 'call() should return a rejected promise, not throw: make it an async function, or catch the throw');
  assert.equal(await rejection(promise, 'a call whose function throws'), failure);
  assert.equal(breaker.state, 'open', 'with a threshold of 1, the throw should have opened the breaker');
});

test('opens after failureThreshold failures in a row, not one sooner', async () => {
  const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 10_000, now: fakeClock().now });
  const dep = dependency();
  dep.up = false;
  await rejection(breaker.call(dep.fn), 'failure 1');
  await rejection(breaker.call(dep.fn), 'failure 2');
  assert.equal(breaker.state, 'closed', 'two failures are fewer than the threshold of 3: still closed');
  await rejection(breaker.call(dep.fn), 'failure 3');
  assert.equal(breaker.state, 'open', 'the third failure in a row reaches the threshold of 3: open');
});

test('a success resets the count: only failures in a row open the breaker', async () => {
  const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 10_000, now: fakeClock().now });
  const dep = dependency();
  for (const up of [false, false, true, false, false]) {
    dep.up = up;
    await breaker.call(dep.fn).catch(() => {});
  }
  assert.equal(
    breaker.state,
    'closed',
    'failure, failure, success, failure, failure: never 3 failures in a row, so the breaker stays closed. ' +
      'Set the count back to 0 on every success.',
  );
  dep.up = false;
  await rejection(breaker.call(dep.fn), 'a third failure in a row');
  assert.equal(breaker.state, 'open', 'now there were 3 in a row');
});

test('while open it fails fast with a CircuitOpenError and leaves the dependency alone', async () => {
  const { clock, dep, breaker } = await opened({ failureThreshold: 3, coolDownMs: 10_000 });
  const callsBefore = dep.calls;
  clock.advance(4000);
  const error = await rejection(breaker.call(dep.fn), 'a call while the breaker is open');
  assert.ok(error instanceof CircuitOpenError, `an open breaker should reject with a CircuitOpenError, got ${String(error)}`);
  assert.ok(error instanceof Error, 'CircuitOpenError extends Error');
  assert.equal(error.name, 'CircuitOpenError');
  assert.equal(dep.calls, callsBefore, 'an open breaker must not call the dependency at all: that is the point of failing fast');
  assert.equal(
    error.retryAfterMs,
    6000,
    'the breaker opened at 0 with a cool-down of 10,000 ms; at 4,000 ms, retryAfterMs should be the 6,000 ms left',
  );
});

test('after the cool-down it is half-open, and not a millisecond before', async () => {
  const { clock, breaker } = await opened({ coolDownMs: 10_000 });
  clock.advance(9999);
  assert.equal(breaker.state, 'open', '9,999 ms into a cool-down of 10,000 ms the breaker is still open');
  clock.advance(1);
  assert.equal(
    breaker.state,
    'half-open',
    'once coolDownMs have passed since it opened (now() - openedAt >= coolDownMs) the breaker is half-open. ' +
      'Read the time from the `now` option: the tests move a fake clock, and the system clock does not move with it.',
  );
});

test('a successful trial call closes the breaker, and the count starts again from zero', async () => {
  const { clock, dep, breaker } = await opened({ failureThreshold: 3, coolDownMs: 10_000 });
  clock.advance(10_000);
  dep.up = true;
  assert.equal(await breaker.call(dep.fn), `answer ${dep.calls}`, 'the trial call goes through to the dependency');
  assert.equal(breaker.state, 'closed', 'a successful trial call closes the breaker');
  dep.up = false;
  await rejection(breaker.call(dep.fn), 'a failure after closing');
  await rejection(breaker.call(dep.fn), 'a second failure after closing');
  assert.equal(breaker.state, 'closed', 'after closing, the count of failures starts again from 0: two failures do not reopen it');
});

test('a failed trial call opens the breaker again, for a whole new cool-down counted from that failure', async () => {
  const { clock, dep, breaker } = await opened({ failureThreshold: 3, coolDownMs: 10_000 });
  clock.advance(10_000);
  const trial = deferred<string>();
  const result = breaker.call(() => {
    dep.calls++;
    return trial.promise;
  });
  await settle();
  clock.advance(2500); // the trial takes 2.5 s, then times out
  const timeout = new Error('timed out');
  trial.reject(timeout);
  assert.equal(await rejection(result, 'the failed trial call'), timeout, 'the trial call rejects with its own error');
  assert.equal(breaker.state, 'open', 'a failed trial shows the dependency is still down: the breaker opens again at once');
  const fast = await rejection(breaker.call(dep.fn), 'a call just after the failed trial');
  assert.ok(fast instanceof CircuitOpenError, `calls fail fast again, got ${String(fast)}`);
  assert.equal(fast.retryAfterMs, 10_000, 'the new cool-down starts when the trial failed, so 10,000 ms are left');
  clock.advance(9999);
  assert.equal(breaker.state, 'open', 'the new cool-down lasts the full 10,000 ms from the failure of the trial');
  clock.advance(1);
  assert.equal(breaker.state, 'half-open');
});

test('half-open lets one trial call through at a time; the others fail fast until it is over', async () => {
  const { clock, dep, breaker } = await opened({ failureThreshold: 3, coolDownMs: 10_000 });
  clock.advance(10_000);
  const trial = deferred<string>();
  let trialCalls = 0;
  const first = breaker.call(() => {
    trialCalls++;
    return trial.promise;
  });
  await settle();
  assert.equal(trialCalls, 1, 'the first call after the cool-down is the trial: it should reach the dependency');
  dep.up = true;
  const callsBefore = dep.calls;
  const second = await rejection(breaker.call(dep.fn), 'a second call while the trial is running');
  assert.ok(
    second instanceof CircuitOpenError,
    `while the trial runs, other calls should fail fast with a CircuitOpenError, got ${String(second)}: ` +
      'a dependency that is recovering should not get all the traffic at once',
  );
  assert.equal(dep.calls, callsBefore, 'the second call must not reach the dependency');
  assert.equal(second.retryAfterMs, 0, 'the cool-down is over, so retryAfterMs is 0 while the trial runs');
  assert.equal(breaker.state, 'half-open', 'still half-open while the trial runs');
  trial.resolve('recovered');
  assert.equal(await first, 'recovered');
  assert.equal(breaker.state, 'closed');
  assert.match(await breaker.call(dep.fn), /^answer/, 'closed again: calls go through');
});

test('refuses settings that make no sense', () => {
  const now = fakeClock().now;
  for (const failureThreshold of [0, -1, 1.5, NaN, '3']) {
    assert.throws(
      () => new CircuitBreaker({ failureThreshold: failureThreshold as number, coolDownMs: 1000, now }),
      RangeError,
      `failureThreshold ${JSON.stringify(failureThreshold)} should throw a RangeError: it must be a positive integer`,
    );
  }
  for (const coolDownMs of [0, -5, NaN, Infinity, '1000']) {
    assert.throws(
      () => new CircuitBreaker({ failureThreshold: 3, coolDownMs: coolDownMs as number, now }),
      RangeError,
      `coolDownMs ${JSON.stringify(coolDownMs)} should throw a RangeError: it must be a positive number`,
    );
  }
});

test('works with its defaults and the real clock', async () => {
  const breaker = new CircuitBreaker();
  assert.equal(breaker.state, 'closed');
  assert.equal(await breaker.call(() => 'fine'), 'fine');
});
