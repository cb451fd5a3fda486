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
 * valid, of a user that exists, (milestone 3) in a session that has not ended. Sets req.user (the
 * stored user) and req.sessionId; anything else answers 401 with `WWW-Authenticate: Bearer` and { error }.
 */
export function requireAuth({ secret, users, sessions }: { secret: string; users: UserStore; sessions: SessionStore }): RequestHandler {
  // TODO (milestone 2), and the session check (milestone 3): sessions.isActive(sessionId).
  void [verifyAccessToken, refuse, secret, users, sessions];
  return (req, res, next) => next(new Error('requireAuth is not written yet (milestone 2)'));
}

/** Milestone 5: after requireAuth, lets only users with this role through; others get 403 { error }. */
export function requireRole(role: Role): RequestHandler {
  // TODO (milestone 5)
  return (req, res, next) => next(new Error(`requireRole('${role}') is not written yet (milestone 5)`));
}
