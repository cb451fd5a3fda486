const { verifyAccessToken } = require('./tokens');

const refuse = (res, error) => res.status(401).set('WWW-Authenticate', 'Bearer').json({ error });

/**
 * Milestones 2 and 3: lets a request through only with `Authorization: Bearer <access token>` that is
 * valid, of a user that exists, (milestone 3) in a session that has not ended. Sets req.user (the
 * stored user) and req.sessionId; anything else answers 401 with `WWW-Authenticate: Bearer` and { error }.
 */
function requireAuth({ secret, users, sessions }) {
  // TODO (milestone 2), and the session check (milestone 3): sessions.isActive(sessionId).
  void [verifyAccessToken, refuse, secret, users, sessions];
  return (req, res, next) => next(new Error('requireAuth is not written yet (milestone 2)'));
}

/** Milestone 5: after requireAuth, lets only users with this role through; others get 403 { error }. */
function requireRole(role) {
  // TODO (milestone 5)
  return (req, res, next) => next(new Error('requireRole is not written yet (milestone 5)'));
}

module.exports = { requireAuth, requireRole };
