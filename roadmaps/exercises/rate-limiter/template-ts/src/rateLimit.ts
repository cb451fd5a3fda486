import type { Request, RequestHandler } from 'express';

/**
 * Fixed-window rate limiter.
 *
 * Each key (by default the client's IP) gets `limit` requests per window of `windowMs`
 * milliseconds. The window starts at the key's first request; when it ends, the count starts
 * over.
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

export function rateLimit({ windowMs = 60_000, limit = 60, key = (req) => req.ip, now = Date.now }: RateLimitOptions = {}): RequestHandler {
  // TODO: throw a TypeError when windowMs or limit isn't a positive integer.

  // TODO: keep one { count, resetAt } per key, e.g. in a Map<string, { count: number; resetAt: number }>.

  return function rateLimitMiddleware(req, res, next) {
    // TODO, on every request:
    // 1. t = now(); find the key's window, or start a new one ending at t + windowMs
    //    (also when the old one has ended, t >= resetAt). Count this request.
    // 2. Set RateLimit-Limit, RateLimit-Remaining (never below 0) and RateLimit-Reset
    //    (seconds until the window ends, rounded up).
    // 3. Over the limit: set Retry-After (same seconds) and answer 429 { error }, without next().
    // 4. Otherwise call next().
    next();
  };
}
