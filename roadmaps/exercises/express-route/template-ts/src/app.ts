import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { booksRouter } from './books';

// A factory instead of a shared app: each call gets fresh in-memory data, so tests stay independent.
export function createApp(): Express {
  const app = express();
  app.use(express.json());
  app.use('/books', booksRouter());

  // Unknown routes answer in JSON too, so clients never have to parse an HTML error page.
  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: `No route for ${req.method} ${req.path}` });
  });

  // Errors thrown by express.json() (bad JSON) carry a status; keep the JSON shape for them as well.
  // Express spots an error handler by its four parameters, so _next stays even though it is unused.
  app.use((err: { status?: number; message?: string }, req: Request, res: Response, _next: NextFunction) => {
    const status = err.status !== undefined && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({ error: status === 500 ? 'Internal Server Error' : err.message });
  });
  return app;
}
