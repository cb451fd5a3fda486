/**
 * Fixed-window rate limiter.
 *
 * Each key (by default the client's IP) gets `limit` requests per window of `windowMs`
 * milliseconds. The window starts at the key's first request; when it ends, the count starts
 * over.
 *
 * Options:
 *   windowMs  window length in milliseconds (default 60 000)
 *   limit     requests allowed per window (default 60)
 *   key       (req) => string identifying the client (default req.ip)
 *   now       () => milliseconds, the clock (default Date.now); tests pass a fake one
 */
function rateLimit({ windowMs = 60_000, limit = 60, key = (req) => req.ip, now = Date.now } = {}) {
  // TODO: throw a TypeError when windowMs or limit isn't a positive integer.

  // TODO: keep one { count, resetAt } per key, e.g. in a Map.

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

module.exports = { rateLimit };
