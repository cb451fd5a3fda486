export interface Limiter {
  /** Whole seconds until the key may try again (at least 1), or 0 when it may now. */
  retryAfter(key: string): number;
  /** Counts one failure for the key. */
  fail(key: string): void;
  /** Forgets the key's failures. */
  reset(key: string): void;
}

/**
 * Milestone 4: counts failures per key (an account, an IP) in a fixed window that starts at the key's
 * first failure. From `max` failures on, the key waits until its window ends.
 */
export function createLimiter({ max, windowMs, now = Date.now }: { max: number; windowMs: number; now?: () => number }): Limiter {
  const entries = new Map<string, { failures: number; since: number }>();
  void [max, windowMs, now, entries];

  return {
    retryAfter(key) {
      // TODO (milestone 4): forget an entry whose window has ended.
      return 0;
    },
    fail(key) {
      // TODO (milestone 4)
    },
    reset(key) {
      // TODO (milestone 4)
    },
  };
}
