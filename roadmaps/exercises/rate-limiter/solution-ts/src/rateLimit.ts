import type { Request, RequestHandler } from 'express';

/**
 * Fixed-window rate limiter.
 *
 * Each key (by default the client's IP) gets `limit` requests per window of `windowMs`
 * milliseconds. The window starts at the key's first request; when it ends, the count starts
 * over. Simple and cheap (one counter per key), at the price of allowing a burst of up to
 * 2 × limit around a window boundary. Sliding windows or token buckets smooth that out.
 */
export interface RateLimitOptions {
  /** Window length in milliseconds (default 60 000). */
  windowMs?: number;
  /** Requests allowed per window (default 60). */
  limit?: number;
  /** Identifies the client (default req.ip, which Express types as possibly undefined). */
  key?: (req: Request) => string | undefined;
  /** The clock in milliseconds (default Date.now); tests pass a fake one. */
  now?: () => number;
}

interface Window {
  count: number;
  resetAt: number;
}

export function rateLimit({ windowMs = 60_000, limit = 60, key = (req) => req.ip, now = Date.now }: RateLimitOptions = {}): RequestHandler {
  // Fail at startup, not on the first request in production. The types say number and function,
  // but options can come from configuration (Number("abc") is NaN) or from plain JavaScript.
  if (!Number.isInteger(windowMs) || windowMs <= 0) throw new TypeError(`windowMs must be a positive integer, got ${windowMs}`);
  if (!Number.isInteger(limit) || limit <= 0) throw new TypeError(`limit must be a positive integer, got ${limit}`);
  if (typeof key !== 'function') throw new TypeError('key must be a function (req) => string');
  if (typeof now !== 'function') throw new TypeError('now must be a function () => milliseconds');

  // In memory, so per process: with several servers, keep the counters in a shared store like Redis.
  const windows = new Map<string, Window>(); // key -> { count, resetAt }
  let nextSweep = 0;

  return function rateLimitMiddleware(req, res, next) {
    const t = now();

    // Forget finished windows now and then, so clients seen once don't stay in memory forever.
    // (No setInterval: a timer would keep the process, and the tests, from exiting.)
    if (t >= nextSweep) {
      for (const [k, w] of windows) if (t >= w.resetAt) windows.delete(k);
      nextSweep = t + windowMs;
    }

    const k = String(key(req) ?? 'unknown');
    let w = windows.get(k);
    if (!w || t >= w.resetAt) {
      w = { count: 0, resetAt: t + windowMs };
      windows.set(k, w);
    }
    w.count += 1;

    // Whole seconds, rounded up: a client that waits this long is sure to be in a new window.
    const resetSeconds = Math.ceil((w.resetAt - t) / 1000);
    res.set('RateLimit-Limit', String(limit));
    res.set('RateLimit-Remaining', String(Math.max(0, limit - w.count)));
    res.set('RateLimit-Reset', String(resetSeconds));

    if (w.count > limit) {
      res.set('Retry-After', String(resetSeconds));
      res.status(429).json({ error: `Too many requests, try again in ${resetSeconds} seconds` });
      return;
    }
    next();
  };
}
