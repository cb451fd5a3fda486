const express = require('express');
const { rateLimit } = require('./rateLimit');

/**
 * limiter:    options for rateLimit() ({ windowMs, limit, key, now }).
 * trustProxy: Express's "trust proxy" setting. Only turn it on behind a proxy you control,
 *             or clients can fake their IP with an X-Forwarded-For header.
 */
function createApp({ limiter = {}, trustProxy = false } = {}) {
  const app = express();
  app.set('trust proxy', trustProxy);

  // Health checks come from your own load balancer: keep them outside the limit.
  app.get('/health', (req, res) => res.json({ ok: true }));

  app.use('/api', rateLimit(limiter));
  app.get('/api/hello', (req, res) => res.json({ message: 'hello' }));

  app.use((req, res) => res.status(404).json({ error: `No route for ${req.method} ${req.path}` }));
  return app;
}

module.exports = { createApp };
