const express = require('express');
const { booksRouter } = require('./books');

function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/books', booksRouter());
  app.use((req, res) => res.status(404).json({ error: `No route for ${req.method} ${req.path}` }));
  return app;
}

module.exports = { createApp };
