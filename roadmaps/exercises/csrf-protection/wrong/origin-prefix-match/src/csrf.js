// CSRF defences for state-changing requests: a per-session synchronizer token, and the Origin check.
const crypto = require('node:crypto');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A new CSRF token for a session: 32 random bytes as base64url. */
function newToken() {
  return crypto.randomBytes(32).toString('base64url');
}

/**
 * Why `req` must be refused, or undefined when it may go ahead. `session` is the request's session
 * (with its csrfToken); `appOrigin` is the site's own origin, such as "https://bank.example".
 */
function csrfProblem(req, session, appOrigin) {
  if (SAFE_METHODS.has(req.method)) return undefined;
  // The browser sets Origin on cross-site requests and a page cannot fake it: compare it whole.
  const origin = req.headers.origin;
  // WRONG: a prefix test, so http://bank.test.evil.example passes.
  if (origin !== undefined && !origin.startsWith(appOrigin)) return `requests from ${origin} are not allowed`;
  const sent = req.headers['x-csrf-token'];
  const expected = session?.csrfToken;
  if (typeof sent !== 'string' || typeof expected !== 'string') return 'missing CSRF token';
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return 'wrong CSRF token';
  return undefined;
}

module.exports = { newToken, csrfProblem };
