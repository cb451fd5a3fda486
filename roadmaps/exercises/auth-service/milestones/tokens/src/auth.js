const { verifyAccessToken } = require('./tokens');

const refuse = (res, error) => res.status(401).set('WWW-Authenticate', 'Bearer').json({ error });

/**
 * Milestones 2 and 3: lets a request through only with `Authorization: Bearer <access token>` that is
 * valid, of a user that exists, in a session that has not ended. Sets req.user (the stored user) and
 * req.sessionId; anything else answers 401 with `WWW-Authenticate: Bearer` and { error }.
 */
function requireAuth({ secret, users, sessions }) {
  return (req, res, next) => {
    const match = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '');
    if (!match) return refuse(res, 'send Authorization: Bearer <access token>');
    const claims = verifyAccessToken(secret, match[1]);
    if (!claims) return refuse(res, 'the access token is not valid');
    // Milestone 3: refuse a token whose session has ended.
    const user = users.get(claims.userId);
    if (!user) return refuse(res, 'the access token is not valid');
    req.user = user;
    req.sessionId = claims.sessionId;
    next();
  };
}

/** Milestone 5: after requireAuth, lets only users with this role through; others get 403 { error }. */
function requireRole(role) {
  // TODO (milestone 5)
  return (req, res, next) => next(new Error('requireRole is not written yet (milestone 5)'));
}

module.exports = { requireAuth, requireRole };
