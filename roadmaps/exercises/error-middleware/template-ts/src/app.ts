import express, { type Express } from 'express';
import { HttpError } from './httpError';
import { notFound, errorHandler, type Logger } from './errorHandlers';

// A pretend database call that fails the way real ones do: with a message full of internals.
async function queryDatabase(): Promise<never> {
  throw new Error('connect ECONNREFUSED 10.0.0.3:5432 (user=app password=hunter2)');
}

interface Book {
  id: number;
  title: string;
}

// The logger is passed in so tests can check what gets logged; the server passes console.
export function createApp({ logger = console }: { logger?: Logger } = {}): Express {
  const app = express();
  // A tiny limit, so the "body too large" case is easy to try.
  app.use(express.json({ limit: '1kb' }));

  const books = new Map<number, Book>([[1, { id: 1, title: 'Release It!' }]]);

  // Async handler: in Express 5 a thrown error (a rejected promise) goes to the error handler by itself.
  app.get('/books/:id', async (req, res) => {
    const book = books.get(Number(req.params.id));
    if (!book) throw new HttpError(404, `Book ${req.params.id} not found`, { code: 'book_not_found' });
    res.json(book);
  });

  app.post('/books', (req, res) => {
    const title: unknown = req.body?.title;
    if (typeof title !== 'string' || title === '') {
      throw new HttpError(400, '"title" is required and must be a non-empty string', { code: 'validation_failed' });
    }
    const book = { id: books.size + 1, title };
    books.set(book.id, book);
    res.status(201).json(book);
  });

  // A bug: a plain Error whose message must never reach the client.
  app.get('/crash', () => {
    throw new Error('db password is hunter2');
  });

  // The same from an async handler: an awaited call that rejects.
  app.get('/async-crash', async (req, res) => {
    res.json(await queryDatabase());
  });

  // A deliberate 5xx: its status is meant for the client, its message is not.
  app.get('/maintenance', () => {
    throw new HttpError(503, 'redis at 10.0.0.5:6379 is down', { code: 'upstream_unavailable' });
  });

  // Order matters: the 404 handler after every route, the error handler last of all.
  app.use(notFound);
  app.use(errorHandler({ logger }));
  return app;
}
