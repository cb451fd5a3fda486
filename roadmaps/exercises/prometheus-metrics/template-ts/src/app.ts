import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { metricsHandler, metricsMiddleware } from './metrics';

// A small book API to measure (done for you). Your work is in src/metrics.ts.
interface Book {
  id: number;
  title: string;
}

const books = new Map<number, Book>([
  [1, { id: 1, title: 'Dune' }],
  [2, { id: 2, title: 'Kindred' }],
  [3, { id: 3, title: 'Neuromancer' }],
]);

export function createApp(): Express {
  const app = express();

  // First, before every route: it must see every request, /metrics included.
  app.use(metricsMiddleware);
  app.get('/metrics', metricsHandler);

  app.get('/api/books/:id', (req: Request<{ id: string }>, res: Response) => {
    const book = books.get(Number(req.params.id));
    if (!book) {
      res.status(404).json({ error: `No book ${req.params.id}` });
      return;
    }
    res.json(book);
  });

  app.post('/api/books', express.json(), (req: Request, res: Response) => {
    const title: unknown = (req.body as { title?: unknown } | undefined)?.title;
    if (typeof title !== 'string' || title.trim() === '') {
      res.status(400).json({ error: 'title is required' });
      return;
    }
    const book = { id: books.size + 1, title };
    books.set(book.id, book);
    res.status(201).json(book);
  });

  // Waits ?ms= milliseconds (0 to 5000) before answering: something slow to measure.
  app.get('/api/slow', async (req: Request, res: Response) => {
    const ms = Math.min(Math.max(Number(req.query.ms) || 0, 0), 5000);
    await new Promise((resolve) => setTimeout(resolve, ms));
    res.json({ sleptMs: ms });
  });

  // Fails on purpose: the error handler below answers 500.
  app.get('/api/boom', () => {
    throw new Error('Something broke');
  });

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: `No route for ${req.method} ${req.path}` });
  });

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    console.error(err);
    res.status(500).json({ error: 'Internal Server Error' });
  });

  return app;
}
