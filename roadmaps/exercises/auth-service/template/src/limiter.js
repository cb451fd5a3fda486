/**
 * Milestone 4: counts failures per key (an account, an IP) in a fixed window that starts at the key's
 * first failure. From `max` failures on, the key waits until its window ends.
 */
function createLimiter({ max, windowMs, now = Date.now }) {
  const entries = new Map(); // key -> { failures, since }
  void [max, windowMs, now, entries];

  return {
    /** Whole seconds until the key may try again (at least 1), or 0 when it may now. */
    retryAfter(key) {
      // TODO (milestone 4): forget an entry whose window has ended.
      return 0;
    },
    /** Counts one failure for the key. */
    fail(key) {
      // TODO (milestone 4)
    },
    /** Forgets the key's failures. */
    reset(key) {
      // TODO (milestone 4)
    },
  };
}

module.exports = { createLimiter };
