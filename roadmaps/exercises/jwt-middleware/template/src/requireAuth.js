const jwt = require('jsonwebtoken');

/**
 * Express middleware: lets a request through only with a valid "Authorization: Bearer <token>".
 * On success req.user holds the token's claims (sub, name, exp, ...).
 * On failure it answers 401 with a WWW-Authenticate: Bearer header and a JSON { error }.
 */
function requireAuth({ secret } = {}) {
  // TODO: throw an Error right here when secret is missing, so a misconfigured server fails at
  //       start-up instead of accepting or rejecting every request later.

  return (req, res, next) => {
    // TODO:
    // 1. Read the Authorization header. It must be exactly "Bearer <token>"; otherwise answer 401.
    // 2. Verify the token with jwt.verify(token, secret, { algorithms: ['HS256'] }).
    //    It throws when the token is expired (TokenExpiredError), badly signed or malformed.
    // 3. Valid: put the claims on req.user and call next().
    //    Invalid: answer 401; say "expired" in the error when that is the reason.
    next(); // wrong: lets everyone in
  };
}

module.exports = { requireAuth };
