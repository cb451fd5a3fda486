const express = require('express');
const { booksRouter } = require('./books');

// A factory instead of a shared app: each call gets fresh in-memory data, so tests stay independent.
function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/books', booksRouter());

  // Unknown routes answer in JSON too, so clients never have to parse an HTML error page.
  app.use((req, res) => {
    res.status(404).json({ error: `No route for ${req.method} ${req.path}` });
  });

  // Errors thrown by express.json() (bad JSON) carry a status; keep the JSON shape for them as well.
  app.use((err, req, res, next) => {
    const status = err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({ error: status === 500 ? 'Internal Server Error' : err.message });
  });
  return app;
}

module.exports = { createApp };
