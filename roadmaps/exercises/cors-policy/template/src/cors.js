// The CORS policy: which other origins' scripts may read this API's answers, and what they may send.

/** The request headers a cross-origin script may send (compared without regard to case). */
const ALLOWED_HEADERS = ['Content-Type', 'Authorization'];
/** How long (seconds) a browser may reuse a preflight's answer. */
const MAX_AGE = '600';

/**
 * The allowlist from CORS_ORIGINS: exact origins separated by commas, spaces around them ignored,
 * empty entries dropped. "https://app.example.com, http://localhost:5173" → two origins.
 */
function parseOrigins(value) {
  // TODO: split on commas, trim each entry, drop the empty ones.
  return [];
}

/** True only for an origin that is, character for character, one of the allowlist's. */
function isAllowedOrigin(origin, allowedOrigins) {
  // TODO: compare whole strings. No prefixes, suffixes or "contains": https://app.example.com.evil.test
  //       is not https://app.example.com. A missing Origin, or the literal "null", is never allowed.
  return false;
}

/**
 * The CORS headers for one request to a route that supports `routeMethods` (['GET', 'POST']).
 * `req` is { method, headers } with lower-case header names, as node:http gives them.
 * Returns { preflight, headers }: preflight is true for an OPTIONS request that carries
 * Access-Control-Request-Method (the caller answers it with 204 and stops there); headers are the
 * response headers to set.
 */
function corsPolicy(req, routeMethods, allowedOrigins) {
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  const headers = {};
  // TODO: Vary on every answer: Origin; on a preflight also Access-Control-Request-Method and
  //       Access-Control-Request-Headers.
  // TODO: an origin that is not allowed gets no Access-Control-* header at all.
  // TODO: an allowed origin: Access-Control-Allow-Origin (that origin, never *) and
  //       Access-Control-Allow-Credentials: true.
  // TODO: a preflight from an allowed origin also gets Access-Control-Allow-Methods (the route's
  //       methods), Access-Control-Allow-Headers (ALLOWED_HEADERS) and Access-Control-Max-Age.
  return { preflight, headers };
}

module.exports = { corsPolicy, parseOrigins, isAllowedOrigin, ALLOWED_HEADERS, MAX_AGE };
