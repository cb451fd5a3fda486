const express = require('express');
const { signupSchema } = require('./schemas');
const { validate } = require('./validate');

function createApp() {
  const app = express();
  // A small limit: a signup form never needs more, and huge bodies are an easy way to tie up a server.
  app.use(express.json({ limit: '10kb' }));

  app.post('/signup', validate(signupSchema), (req, res) => {
    // By now req.body is the parsed, normalised value. Never echo a password back.
    // WRONG: the whole body is sent back, password included.
    res.status(201).json(req.body);
  });

  app.use((req, res) => {
    res.status(404).json({ errors: [{ path: '', message: `No route for ${req.method} ${req.path}` }] });
  });

  // Errors keep the same { errors: [{ path, message }] } shape, so clients parse one format.
  app.use((err, req, res, next) => {
    if (err.type === 'entity.parse.failed') {
      return res.status(400).json({ errors: [{ path: '', message: 'Body is not valid JSON' }] });
    }
    const status = err.status ?? 500;
    // Show the message while developing; in production never leak internals.
    const hide = status >= 500 && process.env.NODE_ENV === 'production';
    res.status(status).json({ errors: [{ path: '', message: hide ? 'Internal server error' : err.message }] });
  });

  return app;
}

module.exports = { createApp };
