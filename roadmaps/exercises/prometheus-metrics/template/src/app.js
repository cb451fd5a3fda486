const express = require('express');
const { metricsMiddleware, metricsHandler } = require('./metrics');

// A small book API to measure (done for you). Your work is in src/metrics.js.
const books = new Map([
  [1, { id: 1, title: 'Dune' }],
  [2, { id: 2, title: 'Kindred' }],
  [3, { id: 3, title: 'Neuromancer' }],
]);

function createApp() {
  const app = express();

  // First, before every route: it must see every request, /metrics included.
  app.use(metricsMiddleware);
  app.get('/metrics', metricsHandler);

  app.get('/api/books/:id', (req, res) => {
    const book = books.get(Number(req.params.id));
    if (!book) return res.status(404).json({ error: `No book ${req.params.id}` });
    res.json(book);
  });

  app.post('/api/books', express.json(), (req, res) => {
    const title = req.body?.title;
    if (typeof title !== 'string' || title.trim() === '') return res.status(400).json({ error: 'title is required' });
    const book = { id: books.size + 1, title };
    books.set(book.id, book);
    res.status(201).json(book);
  });

  // Waits ?ms= milliseconds (0 to 5000) before answering: something slow to measure.
  app.get('/api/slow', async (req, res) => {
    const ms = Math.min(Math.max(Number(req.query.ms) || 0, 0), 5000);
    await new Promise((resolve) => setTimeout(resolve, ms));
    res.json({ sleptMs: ms });
  });

  // Fails on purpose: the error handler below answers 500.
  app.get('/api/boom', () => {
    throw new Error('Something broke');
  });

  app.use((req, res) => res.status(404).json({ error: `No route for ${req.method} ${req.path}` }));

  // eslint-disable-next-line no-unused-vars
  app.use((err, req, res, next) => {
    console.error(err);
    res.status(500).json({ error: 'Internal Server Error' });
  });

  return app;
}

module.exports = { createApp };
