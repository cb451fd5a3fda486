import express, { type Express, type Request, type Response } from 'express';
import { rateLimit, type RateLimitOptions } from './rateLimit';

// A stand-in for a real user table, so the login limiter has something to protect.
const DEMO_USERS = new Map([['ada', 'correct horse battery']]);

export interface AppOptions {
  /** Options for rateLimit() for /api (by client IP) and for /login (the same window and limit, by username). */
  limiter?: RateLimitOptions;
  /**
   * Express's "trust proxy" setting. Only turn it on behind a proxy you control,
   * or clients can fake their IP with an X-Forwarded-For header.
   */
  trustProxy?: boolean;
}

export function createApp({ limiter = {}, trustProxy = false }: AppOptions = {}): Express {
  const app = express();
  app.set('trust proxy', trustProxy);

  // Health checks come from your own load balancer: keep them outside the limit.
  app.get('/health', (req: Request, res: Response) => {
    res.json({ ok: true });
  });

  app.use('/api', rateLimit(limiter));
  app.get('/api/hello', (req: Request, res: Response) => {
    res.json({ message: 'hello' });
  });

  // Login attempts are limited per username, so nobody can try password after password on one
  // account, from however many addresses. (A body without a username falls back to the client IP.)
  const byUsername = (req: Request) => (typeof req.body?.username === 'string' ? `user:${req.body.username}` : `ip:${req.ip}`);
  app.post('/login', express.json(), rateLimit({ ...limiter, key: byUsername }), (req: Request, res: Response) => {
    const { username, password } = req.body ?? {};
    if (typeof username === 'string' && DEMO_USERS.get(username) === password) return res.json({ username });
    res.status(401).json({ error: 'Invalid username or password' });
  });

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: `No route for ${req.method} ${req.path}` });
  });
  return app;
}
