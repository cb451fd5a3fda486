const express = require('express');
const { requestLogging } = require('./logging');

// A small book API with a login (done for you). Your work is in src/logging.js.
const books = new Map([
  [1, { id: 1, title: 'Dune' }],
  [2, { id: 2, title: 'Kindred' }],
  [3, { id: 3, title: 'Neuromancer' }],
]);
const users = new Map([['ada', 'correct horse battery']]);

function createApp({ logger }) {
  const app = express();

  // First: gives every request its id and req.log, and logs it when the response is finished.
  app.use(requestLogging(logger));

  app.get('/api/books/:id', (req, res) => {
    req.log.debug({ bookId: req.params.id }, 'looking up book');
    const book = books.get(Number(req.params.id));
    if (!book) return res.status(404).json({ error: `No book ${req.params.id}` });
    res.json(book);
  });

  app.post('/api/login', express.json(), (req, res) => {
    const { username, password } = req.body ?? {};
    if (typeof username === 'string' && users.get(username) === password) return res.json({ username });
    req.log.warn({ username }, 'login failed');
    res.status(401).json({ error: 'Invalid username or password' });
  });

  // Waits ?ms= milliseconds (0 to 5000) before answering.
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
    req.log.error({ err }, 'unhandled error');
    res.status(500).json({ error: 'Internal Server Error' });
  });

  return app;
}

module.exports = { createApp };
