// The Express app (done for you): JSON bodies in, JSON out, errors as { "error": "..." }.
// The routes live in jobs.ts (milestones 1 and 2) and applications.ts (milestones 3 and 4).
import express, { type ErrorRequestHandler } from 'express';
import type { Pool } from 'pg';
import { authenticate, requireRole } from './auth';
import { jobRoutes } from './jobs';
import { applicationRoutes } from './applications';

export function createApp({ db, secret }: { db: Pool; secret: string }): express.Express {
  const app = express();
  app.use(express.json());

  // Middleware for routes that need a signed-in user, and for those that need a role as well:
  //   router.post('/jobs', auth, employer, handler)
  const auth = authenticate(secret);
  const deps = { db, auth, employer: requireRole('employer'), candidate: requireRole('candidate') };
  app.use(jobRoutes(deps));
  app.use(applicationRoutes(deps));

  app.use((req, res) => {
    res.status(404).json({ error: `No route for ${req.method} ${req.path}` });
  });
  // Express 5 sends errors thrown in async handlers here.
  const onError: ErrorRequestHandler = (err, req, res, next) => {
    void next;
    if ((err as { type?: string }).type === 'entity.parse.failed') {
      res.status(400).json({ error: 'The body is not valid JSON' });
      return;
    }
    console.error(err);
    res.status(500).json({ error: 'Internal error' });
  };
  app.use(onError);
  return app;
}
