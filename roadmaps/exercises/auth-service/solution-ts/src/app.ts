import express from 'express';
import type { ErrorRequestHandler } from 'express';
import { createUserStore } from './users';
import type { User, UserStore } from './users';
import { hashPassword, verifyPassword } from './passwords';
import { signAccessToken, createSessionStore } from './tokens';
import type { Claims } from './tokens';
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

/** Milestone 1: the email (trimmed, lower case) and password of a register body, or what is wrong. */
function readRegistration(body: unknown): Registration {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, error: 'send a JSON object' };
  const { email, password } = body as Record<string, unknown>;
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
    return { ok: false, error: 'email must be an email address' };
  if (typeof password !== 'string' || password.length < 8 || password.length > 128)
    return { ok: false, error: 'password must be a string of 8 to 128 characters' };
  return { ok: true, email: email.trim().toLowerCase(), password };
}

export function createApp({ secret, accessTokenSeconds = 900, loginWindowSeconds = 900, adminEmails = [], users = createUserStore() }: Settings): express.Express {
  const app = express();
  app.use(express.json());
  const sessions = createSessionStore();
  const windowMs = loginWindowSeconds * 1000;
  const byAccount = createLimiter({ max: MAX_FAILURES_PER_ACCOUNT, windowMs });
  const byIp = createLimiter({ max: MAX_FAILURES_PER_IP, windowMs });
  // Checked against when the email is unknown, so an unknown email costs as long as a wrong password.
  const decoy = hashPassword('not-anyone-s-password');
  const authenticated = requireAuth({ secret, users, sessions });

  const tokens = ({ userId, sessionId, refreshToken }: Claims & { refreshToken: string }) => ({
    accessToken: signAccessToken(secret, { userId, sessionId }, accessTokenSeconds),
    refreshToken,
    tokenType: 'Bearer',
    expiresIn: accessTokenSeconds,
  });

  app.get('/health', (req, res) => {
    res.json({ status: 'ok' });
  });

  app.post('/auth/register', async (req, res) => {
    const checked = readRegistration(req.body);
    if (!checked.ok) {
      res.status(400).json({ error: checked.error });
      return;
    }
    const taken = () => users.findByEmail(checked.email) !== undefined;
    if (taken()) {
      res.status(409).json({ error: 'that email is already registered' });
      return;
    }
    const passwordHash = await hashPassword(checked.password);
    // Checked again after the await: two registrations for one email may have raced.
    if (taken()) {
      res.status(409).json({ error: 'that email is already registered' });
      return;
    }
    const role = adminEmails.includes(checked.email) ? 'admin' : 'user';
    const user = users.insert({ email: checked.email, passwordHash, role });
    res.status(201).json(publicUser(user));
  });

  app.post('/auth/login', async (req, res) => {
    const { email, password } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof email !== 'string' || typeof password !== 'string') {
      res.status(400).json({ error: 'send { "email": "...", "password": "..." }' });
      return;
    }
    const account = email.trim().toLowerCase();
    const ip = req.ip ?? 'unknown';
    const wait = Math.max(byAccount.retryAfter(account), byIp.retryAfter(ip));
    if (wait > 0) {
      res.status(429).set('Retry-After', String(wait)).json({ error: `too many failed logins; try again in ${wait} s` });
      return;
    }
    const user = users.findByEmail(account);
    const ok = await verifyPassword(password, user ? user.passwordHash : await decoy);
    if (!user || !ok) {
      byAccount.fail(account);
      byIp.fail(ip);
      res.status(401).json({ error: 'wrong email or password' });
      return;
    }
    byAccount.reset(account);
    const { sessionId, refreshToken } = sessions.start(user.id);
    res.json({ user: publicUser(user), ...tokens({ userId: user.id, sessionId, refreshToken }) });
  });

  app.post('/auth/refresh', (req, res) => {
    const refreshToken: unknown = (req.body as Record<string, unknown> | undefined)?.refreshToken;
    if (typeof refreshToken !== 'string' || refreshToken === '') {
      res.status(400).json({ error: 'send { "refreshToken": "..." }' });
      return;
    }
    const next = sessions.rotate(refreshToken);
    if (!next || !users.get(next.userId)) {
      res.status(401).json({ error: 'the refresh token is not valid; log in again' });
      return;
    }
    res.json(tokens(next));
  });

  app.get('/me', authenticated, (req, res) => {
    res.json(publicUser(req.user!));
  });

  app.post('/auth/logout', authenticated, (req, res) => {
    sessions.end(req.sessionId!);
    res.status(204).end();
  });

  app.post('/auth/logout-all', authenticated, (req, res) => {
    sessions.endAll(req.user!.id);
    res.status(204).end();
  });

  app.get('/admin/users', authenticated, requireRole('admin'), (req, res) => {
    res.json({ data: users.all().map(publicUser) });
  });

  // Bodies that are not JSON answer 400 with JSON, not Express's HTML page.
  const onError: ErrorRequestHandler = (err: { status?: number }, req, res, next) => {
    if (res.headersSent) return next(err);
    const status = err.status !== undefined && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({ error: status === 500 ? 'something went wrong' : 'the body is not valid JSON' });
  };
  app.use(onError);

  return app;
}
