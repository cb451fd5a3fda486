const express = require('express');
const { requireAuth } = require('./requireAuth');

function createApp({ secret }) {
  const app = express();

  app.get('/health', (req, res) => res.json({ ok: true })); // public

  // Everything registered after this line needs a valid token.
  app.use(requireAuth({ secret }));

  app.get('/me', (req, res) => {
    res.json({ user: req.user ?? null });
  });

  return app;
}

module.exports = { createApp };
