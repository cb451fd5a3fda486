// Who is calling, and may they? Every token is an HS256 JWT signed with JWT_SECRET, carrying
//   sub   the user's id, a string ("acme", "ada")
//   role  "employer" or "candidate"
// Users are not registered here: another service signs the tokens, this one only verifies them.
const jwt = require('jsonwebtoken');

// Middleware: verifies the bearer token and sets req.user = { id, role }.
function authenticate(secret) {
  return (req, res, next) => {
    // TODO 1: read the "Authorization: Bearer <token>" header and verify the token with
    //   jwt.verify(token, secret, { algorithms: ['HS256'] })
    // A missing header, a malformed, forged or expired token, or one without a sub answers
    // 401 { error }. Otherwise set req.user = { id: claims.sub, role: claims.role } and call next().
    void jwt;
    res.status(501).json({ error: 'TODO 1: authenticate is not written yet' });
  };
}

// Middleware, after authenticate: only users with this role get through.
function requireRole(role) {
  return (req, res, next) => {
    // TODO 1: a signed-in user whose role is not `role` answers 403 { error } (signed in, not allowed).
    // The role comes from the verified token only, never from the request body.
    void role;
    next();
  };
}

module.exports = { authenticate, requireRole };
