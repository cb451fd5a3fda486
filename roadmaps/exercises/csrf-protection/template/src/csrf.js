// CSRF defences for state-changing requests: a per-session synchronizer token, and the Origin check.
const crypto = require('node:crypto');

/** A new CSRF token for a session. */
function newToken() {
  // TODO 1: 32 random bytes from crypto.randomBytes, as base64url. One per session, unguessable.
  return 'token';
}

/**
 * Why `req` must be refused, or undefined when it may go ahead. `session` is the request's session
 * (with its csrfToken); `appOrigin` is the site's own origin, such as "https://bank.example".
 */
function csrfProblem(req, session, appOrigin) {
  // TODO 2: GET, HEAD and OPTIONS change nothing: let them through.
  // TODO 3: when the request has an Origin header, it must be exactly appOrigin.
  // TODO 4: the X-CSRF-Token header must equal session.csrfToken (crypto.timingSafeEqual, after
  //         checking both are strings of the same length).
  void crypto, req, session, appOrigin;
  return undefined;
}

module.exports = { newToken, csrfProblem };
