// Who is calling, and may they? Every token is an HS256 JWT signed with JWT_SECRET, carrying
//   sub   the user's id, a string ("acme", "ada")
//   role  "employer" or "candidate"
// Users are not registered here: another service signs the tokens, this one only verifies them.
const jwt = require('jsonwebtoken');

// Middleware: verifies the bearer token and sets req.user = { id, role }.
// A missing, malformed, forged or expired token answers 401.
function authenticate(secret) {
  return (req, res, next) => {
    const match = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '');
    if (!match) return res.status(401).json({ error: 'A bearer token is required' });
    let claims;
    try {
      // Pin the algorithm: a token must never choose how it is checked.
      claims = jwt.verify(match[1], secret, { algorithms: ['HS256'] });
    } catch {
      return res.status(401).json({ error: 'The token is invalid or expired' });
    }
    if (typeof claims.sub !== 'string' || claims.sub === '') return res.status(401).json({ error: 'The token names no user' });
    req.user = { id: claims.sub, role: claims.role };
    next();
  };
}

// Middleware, after authenticate: a signed-in user without this role answers 403.
function requireRole(role) {
  return (req, res, next) => {
    if (req.user.role !== role) return res.status(403).json({ error: `Only a ${role} may do this` });
    next();
  };
}

module.exports = { authenticate, requireRole };
