import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { signupSchema } from './schemas';
import { validate } from './validate';

export function createApp(): Express {
  const app = express();
  // A small limit: a signup form never needs more, and huge bodies are an easy way to tie up a server.
  app.use(express.json({ limit: '10kb' }));

  app.post('/signup', validate(signupSchema), (req: Request, res: Response) => {
    // By now req.body is the parsed, normalised value. Never echo a password.
    const { password: _password, ...user } = req.body as Record<string, unknown>;
    res.status(201).json(user);
  });

  app.use((req: Request, res: Response) => {
    res.status(404).json({ errors: [{ path: '', message: `No route for ${req.method} ${req.path}` }] });
  });

  // Errors keep the same { errors: [{ path, message }] } shape, so clients parse one format.
  // Express spots an error handler by its four parameters, so _next stays even though it is unused.
  app.use((err: { type?: string; status?: number; message?: string }, req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.parse.failed') {
      res.status(400).json({ errors: [{ path: '', message: 'Body is not valid JSON' }] });
      return;
    }
    const status = err.status ?? 500;
    // Show the message while developing; in production never leak internals.
    const hide = status >= 500 && process.env.NODE_ENV === 'production';
    res.status(status).json({ errors: [{ path: '', message: hide ? 'Internal server error' : err.message }] });
  });

  return app;
}
