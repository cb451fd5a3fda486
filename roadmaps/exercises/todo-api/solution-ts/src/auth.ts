import jwt from 'jsonwebtoken';
import type { RequestHandler, Response } from 'express';

// Tells TypeScript that a request past requireUser carries its user.
declare global {
  namespace Express {
    interface Request {
      user?: { id: string };
    }
  }
}

function refuse(res: Response, error: string): void {
  res.status(401).set('WWW-Authenticate', 'Bearer').json({ error });
}

/**
 * Milestone 5: a middleware that lets a request through only with `Authorization: Bearer <token>`,
 * a JWT signed with `secret` (HS256) that has not expired and names its user in `sub`. It sets
 * req.user = { id: <sub> }; anything else answers 401 with `WWW-Authenticate: Bearer` and { error }.
 */
export function requireUser(secret: string | undefined): RequestHandler {
  // Fail at start-up, not on the first request, when the server is misconfigured.
  if (!secret) throw new Error('requireUser needs a secret to verify tokens');
  return (req, res, next) => {
    const match = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '');
    if (!match?.[1]) return refuse(res, 'send Authorization: Bearer <token>');
    let payload: string | jwt.JwtPayload;
    try {
      // Only the algorithm the server signs with: never "none", never one the token picks.
      payload = jwt.verify(match[1], secret, { algorithms: ['HS256'] });
    } catch {
      return refuse(res, 'the token is not valid');
    }
    if (typeof payload !== 'object' || typeof payload.sub !== 'string' || payload.sub === '') return refuse(res, 'the token names no user');
    req.user = { id: payload.sub };
    next();
  };
}
