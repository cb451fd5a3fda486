import jwt, { type JwtPayload } from 'jsonwebtoken';
import type { RequestHandler } from 'express';

// Tells TypeScript that every Express request may carry the verified token's claims as req.user.
declare global {
  namespace Express {
    interface Request {
      user?: JwtPayload;
    }
  }
}

/**
 * Express middleware: lets a request through only with a valid "Authorization: Bearer <token>".
 * On success req.user holds the token's claims (sub, name, exp, ...).
 * On failure it answers 401 with a WWW-Authenticate: Bearer header and a JSON { error }.
 */
export function requireAuth({ secret }: { secret?: string } = {}): RequestHandler {
  // TODO: throw an Error right here when secret is missing, so a misconfigured server fails at
  //       start-up instead of accepting or rejecting every request later.

  return (req, res, next) => {
    // TODO:
    // 1. Read the Authorization header. It must be exactly "Bearer <token>"; otherwise answer 401.
    // 2. Verify the token with jwt.verify(token, secret, { algorithms: ['HS256'] }).
    //    It throws when the token is expired (TokenExpiredError), badly signed or malformed.
    //    It returns the claims: a JwtPayload object (or a string, for a token whose payload is not
    //    a JSON object; treat that as invalid).
    // 3. Valid: put the claims on req.user and call next().
    //    Invalid: answer 401; say "expired" in the error when that is the reason.
    next(); // wrong: lets everyone in
  };
}
