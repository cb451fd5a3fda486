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

  const current = (key: string) => {
    const entry = entries.get(key);
    if (entry && now() - entry.since >= windowMs) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    retryAfter(key) {
      const entry = current(key);
      if (!entry || entry.failures < max) return 0;
      return Math.max(1, Math.ceil((entry.since + windowMs - now()) / 1000));
    },
    fail(key) {
      const entry = current(key);
      if (entry) entry.failures += 1;
      else entries.set(key, { failures: 1, since: now() });
    },
    reset(key) {
      entries.delete(key);
    },
  };
}
