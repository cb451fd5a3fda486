// Retries with capped exponential backoff and full jitter.
//
//   const body = await retry(() => fetchJson(url), { retries: 4, baseMs: 100, capMs: 5_000 });
//
// A failed call is tried again after a wait. The waits grow exponentially, up to a cap, and each one is
// a random share of its ceiling ("full jitter"), so that many clients that failed at the same moment do
// not all come back at the same moment:
//
//   delay(attempt) = random() * min(capMs, baseMs * 2 ** attempt)     attempt 0 is the first retry
//
// `random` and `sleep` can be swapped for fakes, so tests need neither luck nor real waiting.
import { CircuitOpenError } from './circuitBreaker';

export interface BackoffOptions {
  /** The ceiling of the first retry's wait, in ms. */
  baseMs: number;
  /** No wait is longer than this, in ms. */
  capMs: number;
  /** A number in [0, 1) (default Math.random). */
  random?: () => number;
}

export interface RetryOptions extends Partial<BackoffOptions> {
  /** How many times to call again after the first call: 0 or more (default 3). */
  retries?: number;
  /** Waits `ms` milliseconds (default: a real setTimeout wait). */
  sleep?: (ms: number) => Promise<void>;
  /** Whether an error is worth another try (default: always yes). A CircuitOpenError never is. */
  shouldRetry?: (error: unknown) => boolean;
}

/** How long to wait before retry number `attempt` (0 for the first retry): a random share of min(capMs, baseMs · 2^attempt). */
export function backoffDelay(attempt: number, { baseMs, capMs, random = Math.random }: BackoffOptions): number {
  // TODO 6: the ceiling is min(capMs, baseMs * 2 ** attempt); return random() times the ceiling.
  //         Call random() once, and only the random passed in (the tests pass their own).
  throw new Error('TODO in src/retry.ts: backoffDelay() is not written yet');
}

/** Waits `ms` milliseconds for real. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `fn` until it succeeds, at most `retries` times more after the first call, waiting
 * backoffDelay(attempt) between two calls. Rethrows the last error when it gives up, at once when
 * `shouldRetry(error)` says no, and never retries a CircuitOpenError.
 */
export async function retry<T>(
  fn: () => T | PromiseLike<T>,
  { retries = 3, baseMs = 100, capMs = 10_000, random = Math.random, sleep: wait = sleep, shouldRetry = () => true }: RetryOptions = {},
): Promise<T> {
  // TODO 7: throw a RangeError unless retries is a whole number (0 or more), baseMs a positive finite
  //         number and capMs a finite number no smaller than baseMs.
  // TODO 8: call fn. When it fails, give up by rethrowing the error if it is a CircuitOpenError, if
  //         this was the last allowed attempt, or if shouldRetry(error) is false. Otherwise
  //         `await wait(backoffDelay(attempt, { baseMs, capMs, random }))` and call fn again.
  //
  // For now: one call and no retries.
  return fn();
}
