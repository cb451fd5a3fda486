import express, { type Request, type RequestHandler, type Response, type Router } from 'express';

// A book as the API stores and sends it. The id is a number the server picks.
export interface Book {
  id: number;
  title: string;
  author: string;
  year?: number;
}

export function booksRouter(): Router {
  const router = express.Router();
  const books = new Map<number, Book>(); // id -> book
  let nextId = 1;

  // Done, as an example: GET /books lists every book.
  router.get('/', (req: Request, res: Response) => {
    res.json([...books.values()]);
  });

  // TODO: GET /books/:id answers 200 with the book, or 404 { error } when there is no such id.
  //       req.params.id is a string; the Map keys are numbers.
  router.get('/:id', notImplemented('GET /books/:id'));

  // TODO: POST /books validates the body (see validateBook below), answers 400 { error } when it
  //       is invalid, otherwise stores the book (id: nextId++) and answers 201 with the book and a
  //       Location header pointing at it (/books/<id>).
  router.post('/', notImplemented('POST /books'));

  // TODO: PUT /books/:id replaces the whole book: 404 for an unknown id, 400 for an invalid body,
  //       else 200 with the new book. The id comes from the URL, never from the body.
  router.put('/:id', notImplemented('PUT /books/:id'));

  // TODO: DELETE /books/:id removes the book and answers 204 with no body; 404 for an unknown id.
  router.delete('/:id', notImplemented('DELETE /books/:id'));

  return router;
}

// Returns an error message naming the bad field, or undefined when the body is a valid book.
// Rules: title and author are non-empty strings; year is optional, and an integer when present.
// body is `unknown` on purpose: it is whatever the client sent, so check it before trusting it.
export function validateBook(body: unknown): string | undefined {
  // TODO
  return undefined;
}

// Placeholder for the routes still to write; remove it when you are done.
function notImplemented(route: string): RequestHandler {
  return (req, res) => {
    res.status(501).json({ error: `${route} is not implemented yet: see the TODO in src/books.ts` });
  };
}
