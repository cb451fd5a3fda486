const express = require('express');

// Each router gets its own in-memory data, so every test starts clean.
function booksRouter() {
  const router = express.Router();
  const books = new Map();
  let nextId = 1;

  router.get('/', (req, res) => {
    res.json([...books.values()]);
  });

  router.get('/:id', (req, res) => {
    const book = books.get(Number(req.params.id));
    if (!book) return res.status(404).json({ error: `Book ${req.params.id} not found` });
    res.json(book);
  });

  router.post('/', (req, res) => {
    const error = validateBook(req.body);
    if (error) return res.status(400).json({ error });
    const book = { id: nextId++, title: req.body.title.trim(), author: req.body.author.trim() };
    books.set(book.id, book);
    res.status(201).location(`${req.baseUrl}/${book.id}`).json(book);
  });

  // TODO: PUT /:id replaces a book (400 on invalid input, 404 on unknown id).
  // TODO: DELETE /:id removes a book (204 on success, 404 on unknown id).

  return router;
}

function validateBook(body) {
  for (const field of ['title', 'author']) {
    if (typeof body?.[field] !== 'string' || body[field].trim() === '') {
      return `"${field}" is required and must be a non-empty string`;
    }
  }
  return undefined;
}

module.exports = { booksRouter, validateBook };
