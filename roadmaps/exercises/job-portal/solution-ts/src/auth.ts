// Who is calling, and may they? Every token is an HS256 JWT signed with JWT_SECRET, carrying
//   sub   the user's id, a string ("acme", "ada")
//   role  "employer" or "candidate"
// Users are not registered here: another service signs the tokens, this one only verifies them.
import jwt from 'jsonwebtoken';
import type { RequestHandler } from 'express';

// Tells TypeScript that a request past authenticate carries its user.
declare global {
  namespace Express {
    interface Request {
      user?: { id: string; role: unknown };
    }
  }
}

// Middleware: verifies the bearer token and sets req.user = { id, role }.
// A missing, malformed, forged or expired token answers 401.
export function authenticate(secret: string): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '');
    if (!match?.[1]) {
      res.status(401).json({ error: 'A bearer token is required' });
      return;
    }
    let claims: jwt.JwtPayload;
    try {
      // Pin the algorithm: a token must never choose how it is checked.
      const verified = jwt.verify(match[1], secret, { algorithms: ['HS256'] });
      if (typeof verified === 'string') throw new Error('not a JSON payload');
      claims = verified;
    } catch {
      res.status(401).json({ error: 'The token is invalid or expired' });
      return;
    }
    if (typeof claims.sub !== 'string' || claims.sub === '') {
      res.status(401).json({ error: 'The token names no user' });
      return;
    }
    req.user = { id: claims.sub, role: claims['role'] };
    next();
  };
}

// Middleware, after authenticate: a signed-in user without this role answers 403.
export function requireRole(role: 'employer' | 'candidate'): RequestHandler {
  return (req, res, next) => {
    if (req.user?.role !== role) {
      res.status(403).json({ error: `Only a ${role} may do this` });
      return;
    }
    next();
  };
}
