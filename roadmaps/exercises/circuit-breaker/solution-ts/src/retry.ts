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
  // Cap the ceiling first, then pick a point below it: the cap bounds the wait, not the random number.
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return random() * ceiling;
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
  if (!Number.isInteger(retries) || retries < 0) {
    throw new RangeError(`retries must be a whole number, 0 or more, got ${String(retries)}`);
  }
  if (!Number.isFinite(baseMs) || baseMs <= 0) {
    throw new RangeError(`baseMs must be a positive number, got ${String(baseMs)}`);
  }
  if (!Number.isFinite(capMs) || capMs < baseMs) {
    throw new RangeError(`capMs must be a number no smaller than baseMs, got ${String(capMs)}`);
  }

  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      // An open circuit says the dependency is known to be down: waiting here and knocking again only
      // adds load and delay. Out of retries, or an error that no retry can fix: give up with this error.
      if (error instanceof CircuitOpenError || attempt >= retries || !shouldRetry(error)) throw error;
      await wait(backoffDelay(attempt, { baseMs, capMs, random }));
    }
  }
}
