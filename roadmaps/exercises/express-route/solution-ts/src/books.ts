import express, { type Request, type Response, type Router } from 'express';

// A book as the API stores and sends it. The id is a number the server picks.
export interface Book {
  id: number;
  title: string;
  author: string;
  year?: number;
}

// What a valid request body carries: a book without its id.
type BookInput = Omit<Book, 'id'>;

export function booksRouter(): Router {
  const router = express.Router();
  const books = new Map<number, Book>(); // id -> book
  let nextId = 1;

  // req.params.id is a string; "abc" becomes NaN, which is never a key, so it is a 404 too.
  const find = (req: Request<{ id: string }>) => books.get(Number(req.params.id));
  const notFound = (req: Request<{ id: string }>, res: Response) =>
    res.status(404).json({ error: `Book ${req.params.id} not found` });

  router.get('/', (req: Request, res: Response) => {
    res.json([...books.values()]);
  });

  router.get('/:id', (req, res) => {
    const book = find(req);
    if (!book) return notFound(req, res);
    res.json(book);
  });

  router.post('/', (req, res) => {
    const error = validateBook(req.body);
    if (error) return res.status(400).json({ error });
    const book = toBook(nextId++, req.body as BookInput);
    books.set(book.id, book);
    // baseUrl is where the router is mounted ("/books"), so the router does not hard-code it.
    res.status(201).location(`${req.baseUrl}/${book.id}`).json(book);
  });

  router.put('/:id', (req, res) => {
    const existing = find(req);
    if (!existing) return notFound(req, res);
    const error = validateBook(req.body);
    if (error) return res.status(400).json({ error });
    // PUT replaces: fields missing from the body (like year) are gone afterwards.
    const book = toBook(existing.id, req.body as BookInput);
    books.set(book.id, book);
    res.json(book);
  });

  router.delete('/:id', (req, res) => {
    const book = find(req);
    if (!book) return notFound(req, res);
    books.delete(book.id);
    res.status(204).end();
  });

  return router;
}

// Copies only the known fields, so a client cannot smuggle in an id or anything else.
function toBook(id: number, body: BookInput): Book {
  const book: Book = { id, title: body.title.trim(), author: body.author.trim() };
  if (body.year !== undefined) book.year = body.year;
  return book;
}

// Returns an error message naming the bad field, or undefined when the body is a valid book.
// body is `unknown` on purpose: it is whatever the client sent, so check it before trusting it.
export function validateBook(body: unknown): string | undefined {
  // Without a JSON content type, express.json() leaves req.body undefined.
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'The body must be a JSON object with "title" and "author"';
  }
  const fields = body as Record<string, unknown>;
  for (const field of ['title', 'author']) {
    const value = fields[field];
    if (typeof value !== 'string' || value.trim() === '') {
      return `"${field}" is required and must be a non-empty string`;
    }
  }
  if (fields.year !== undefined && !Number.isInteger(fields.year)) {
    return '"year" must be an integer when present';
  }
  return undefined;
}
