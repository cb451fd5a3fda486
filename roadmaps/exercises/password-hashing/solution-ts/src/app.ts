import { randomUUID, timingSafeEqual } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { hashPassword, verifyPassword, needsRehash, DEFAULT_COST, MAX_BYTES } from './password';

// One message for "no such user" and "wrong password", so the API doesn't tell an attacker which usernames exist.
export const LOGIN_FAILED = 'Invalid username or password';

// A user as the app stores it: never the password, only its bcrypt hash.
export interface User {
  username: string;
  passwordHash: string;
}

export interface AppOptions {
  /** username -> user. Pass your own to inspect it (tests do). */
  users?: Map<string, User>;
  /** bcrypt cost for new hashes; older, cheaper hashes are upgraded at login. */
  cost?: number;
  /** The token the /admin routes ask for (ADMIN_TOKEN); without one they always answer 401. */
  adminToken?: string;
}

export function createApp({ users = new Map(), cost = DEFAULT_COST, adminToken = process.env.ADMIN_TOKEN }: AppOptions = {}): Express {
  const app = express();
  app.use(express.json());

  app.post('/register', async (req: Request, res: Response) => {
    const { username, password } = req.body ?? {};
    const problem = checkCredentials(username, password);
    if (problem) return res.status(400).json({ error: problem });

    const name = username.trim();
    if (users.has(name)) return res.status(409).json({ error: 'Username is taken' });
    const passwordHash = await hashPassword(password, cost);
    // Hashing takes a while: check again in case the same name registered meanwhile.
    if (users.has(name)) return res.status(409).json({ error: 'Username is taken' });

    users.set(name, { username: name, passwordHash });
    res.status(201).json({ username: name });
  });

  // A hash of a random password, made once: unknown users are checked against it so a failed
  // login costs the same time whether or not the username exists.
  let dummyHash: Promise<string> | undefined;

  app.post('/login', async (req: Request, res: Response) => {
    const { username, password } = req.body ?? {};
    if (typeof username !== 'string' || typeof password !== 'string') {
      return res.status(400).json({ error: '"username" and "password" are required strings' });
    }

    const user = users.get(username.trim());
    dummyHash ??= hashPassword(randomUUID(), cost);
    const ok = await verifyPassword(password, user ? user.passwordHash : await dummyHash);
    if (!user || !ok) return res.status(401).json({ error: LOGIN_FAILED });

    // The only moment we hold the plaintext: upgrade hashes made with an older, lower cost.
    if (needsRehash(user.passwordHash, cost)) {
      user.passwordHash = await hashPassword(password, cost);
    }
    res.json({ username: user.username });
  });

  // Already done: admin routes, to see what is stored and to import users from an older system.
  // Your public API never sends a hash; these are for an administrator (and the checks) only.
  app.use('/admin', (req: Request, res: Response, next: NextFunction) => {
    if (!isAdminToken(req.get('authorization'), adminToken)) return res.status(401).json({ error: 'Admin token required' });
    next();
  });

  app.get('/admin/users/:username', (req: Request<{ username: string }>, res: Response) => {
    const user = users.get(req.params.username);
    if (!user) return res.status(404).json({ error: 'No such user' });
    res.json({ username: user.username, passwordHash: user.passwordHash });
  });

  // Imports a user whose bcrypt hash was made elsewhere (maybe with an older, lower cost).
  app.put('/admin/users/:username', (req: Request<{ username: string }>, res: Response) => {
    const { passwordHash } = req.body ?? {};
    if (typeof passwordHash !== 'string' || !BCRYPT_HASH.test(passwordHash)) {
      return res.status(400).json({ error: '"passwordHash" must be a bcrypt hash' });
    }
    users.set(req.params.username, { username: req.params.username, passwordHash });
    res.status(204).end();
  });

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: `No route for ${req.method} ${req.path}` });
  });

  // Show error messages while developing; in production never leak internals.
  // Express spots an error handler by its four parameters, so _next stays even though it is unused.
  app.use((err: { status?: number; message?: string }, req: Request, res: Response, _next: NextFunction) => {
    const status = err.status ?? 500;
    const hide = status >= 500 && process.env.NODE_ENV === 'production';
    res.status(status).json({ error: hide ? 'Internal server error' : err.message });
  });

  return app;
}

const BCRYPT_HASH = /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/;

// "Bearer <token>", compared in constant time so the answer's timing does not give the token away.
function isAdminToken(header: string | undefined, adminToken: string | undefined): boolean {
  if (!adminToken || typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const wanted = Buffer.from(adminToken);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

// Returns what is wrong with a register body, or undefined when it is fine.
// The parameters are `unknown` on purpose: they are whatever the client sent.
function checkCredentials(username: unknown, password: unknown): string | undefined {
  if (typeof username !== 'string' || username.trim() === '') {
    return '"username" is required and must be a non-empty string';
  }
  if (typeof password !== 'string' || password.length < 8) {
    return '"password" is required and must have at least 8 characters';
  }
  if (Buffer.byteLength(password, 'utf8') > MAX_BYTES) {
    return `"password" must be at most ${MAX_BYTES} bytes`;
  }
  return undefined;
}
