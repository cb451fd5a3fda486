const express = require('express');

// A book looks like { id, title, author, year? }. The id is a number the server picks.
function booksRouter() {
  const router = express.Router();
  const books = new Map(); // id -> book
  let nextId = 1;

  // req.params.id is a string; "abc" becomes NaN, which is never a key, so it is a 404 too.
  const find = (req) => books.get(Number(req.params.id));
  const notFound = (req, res) => res.status(404).json({ error: `Book ${req.params.id} not found` });

  router.get('/', (req, res) => {
    res.json([...books.values()]);
  });

  router.get('/:id', (req, res) => {
    // WRONG: a non-numeric id is "a bad request" here, but the resource simply does not exist: 404.
    if (Number.isNaN(Number(req.params.id))) return res.status(400).json({ error: 'id must be a number' });
    const book = find(req);
    if (!book) return notFound(req, res);
    res.json(book);
  });

  router.post('/', (req, res) => {
    const error = validateBook(req.body);
    if (error) return res.status(400).json({ error });
    const book = toBook(nextId++, req.body);
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
    const book = toBook(existing.id, req.body);
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
function toBook(id, body) {
  const book = { id, title: body.title.trim(), author: body.author.trim() };
  if (body.year !== undefined) book.year = body.year;
  return book;
}

// Returns an error message naming the bad field, or undefined when the body is a valid book.
function validateBook(body) {
  // Without a JSON content type, express.json() leaves req.body undefined.
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'The body must be a JSON object with "title" and "author"';
  }
  for (const field of ['title', 'author']) {
    if (typeof body[field] !== 'string' || body[field].trim() === '') {
      return `"${field}" is required and must be a non-empty string`;
    }
  }
  if (body.year !== undefined && !Number.isInteger(body.year)) {
    return '"year" must be an integer when present';
  }
  return undefined;
}

module.exports = { booksRouter, validateBook };
