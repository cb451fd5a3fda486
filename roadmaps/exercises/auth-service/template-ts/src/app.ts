import express from 'express';
import type { ErrorRequestHandler } from 'express';
import { createUserStore } from './users';
import type { User, UserStore } from './users';
import { hashPassword, verifyPassword } from './passwords';
import { signAccessToken, createSessionStore } from './tokens';
import { requireAuth, requireRole } from './auth';
import { createLimiter } from './limiter';

const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 20;

export interface Settings {
  secret: string;
  accessTokenSeconds?: number;
  loginWindowSeconds?: number;
  adminEmails?: string[];
  users?: UserStore;
}

/** What a client sees of a user: never the password hash. */
export function publicUser(user: User): Omit<User, 'passwordHash'> {
  return { id: user.id, email: user.email, role: user.role };
}

type Registration = { ok: true; email: string; password: string } | { ok: false; error: string };

/**
 * Milestone 1: the email (trimmed, lower case) and password (8 to 128 characters) of a register body,
 * or what is wrong. `body` is unknown: check it before you read it.
 */
function readRegistration(body: unknown): Registration {
  // TODO (milestone 1)
  void body;
  return { ok: false, error: 'registration is not written yet (milestone 1)' };
}

export function createApp({ secret, accessTokenSeconds = 900, loginWindowSeconds = 900, adminEmails = [], users = createUserStore() }: Settings): express.Express {
  const app = express();
  app.use(express.json());
  const sessions = createSessionStore();
  const windowMs = loginWindowSeconds * 1000;
  const byAccount = createLimiter({ max: MAX_FAILURES_PER_ACCOUNT, windowMs });
  const byIp = createLimiter({ max: MAX_FAILURES_PER_IP, windowMs });
  const authenticated = requireAuth({ secret, users, sessions });
  void [readRegistration, hashPassword, verifyPassword, signAccessToken, requireRole, byAccount, byIp, authenticated, accessTokenSeconds, adminEmails];

  app.get('/health', (req, res) => {
    res.json({ status: 'ok' });
  });

  // TODO (milestone 1): POST /auth/register { email, password }: 400 { error } when readRegistration
  //   refuses, 409 when the email is taken; store { email, passwordHash: await hashPassword(...), role }
  //   (role "admin" when adminEmails includes the email, else "user"); 201 with publicUser(user).

  // TODO (milestone 1): POST /auth/login { email, password }: 400 unless both are strings; 401 { error }
  //   for an unknown email and for a wrong password alike; 200 { user: publicUser(user) }.
  //   Milestone 2 adds accessToken, refreshToken, tokenType "Bearer" and expiresIn (accessTokenSeconds)
  //   from a new session (sessions.start(user.id)).
  //   Milestone 4: before checking the password, 429 with Retry-After while the account (the email)
  //   or the IP (req.ip) must wait; count each failure for both; a success clears the account's count.

  // TODO (milestone 2): POST /auth/refresh { refreshToken }: 400 unless a non-empty string; 401 when
  //   sessions.rotate refuses it; else 200 { accessToken, refreshToken, tokenType, expiresIn }.

  // TODO (milestone 2): GET /me, behind `authenticated`: 200 with publicUser(req.user).

  // TODO (milestone 3): POST /auth/logout ends this session (req.sessionId), POST /auth/logout-all
  //   every session of the user; both behind `authenticated`, both answer 204.

  // TODO (milestone 5): GET /admin/users, behind `authenticated` and requireRole('admin'):
  //   200 { data: [every user, as publicUser] }.

  // Done: bodies that are not JSON answer 400 with JSON, not Express's HTML page.
  const onError: ErrorRequestHandler = (err: { status?: number }, req, res, next) => {
    if (res.headersSent) return next(err);
    const status = err.status !== undefined && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({ error: status === 500 ? 'something went wrong' : 'the body is not valid JSON' });
  };
  app.use(onError);

  return app;
}
