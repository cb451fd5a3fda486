import express, { type Express, type Request, type Response } from 'express';
import { requireAuth } from './requireAuth';

export function createApp({ secret }: { secret: string }): Express {
  const app = express();

  app.get('/health', (req: Request, res: Response) => {
    res.json({ ok: true }); // public
  });

  // Everything registered after this line needs a valid token.
  app.use(requireAuth({ secret }));

  // req.user is declared in src/requireAuth.ts, next to the middleware that sets it.
  app.get('/me', (req: Request, res: Response) => {
    res.json({ user: req.user ?? null });
  });

  return app;
}
