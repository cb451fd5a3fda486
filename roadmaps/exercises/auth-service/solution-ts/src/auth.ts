import type { RequestHandler, Response } from 'express';
import { verifyAccessToken } from './tokens';
import type { SessionStore } from './tokens';
import type { Role, User, UserStore } from './users';

// Tells TypeScript that a request past requireAuth carries its user and session.
declare global {
  namespace Express {
    interface Request {
      user?: User;
      sessionId?: string;
    }
  }
}

function refuse(res: Response, error: string): void {
  res.status(401).set('WWW-Authenticate', 'Bearer').json({ error });
}

/**
 * Milestones 2 and 3: lets a request through only with `Authorization: Bearer <access token>` that is
 * valid, of a user that exists, in a session that has not ended. Sets req.user (the stored user) and
 * req.sessionId; anything else answers 401 with `WWW-Authenticate: Bearer` and { error }.
 */
export function requireAuth({ secret, users, sessions }: { secret: string; users: UserStore; sessions: SessionStore }): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '');
    if (!match?.[1]) return refuse(res, 'send Authorization: Bearer <access token>');
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
export function requireRole(role: Role): RequestHandler {
  return (req, res, next) => {
    if (req.user?.role !== role) {
      res.status(403).json({ error: `only ${role}s may do this` });
      return;
    }
    next();
  };
}
