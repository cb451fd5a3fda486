// The Express app (done for you): JSON bodies in, JSON out, errors as { "error": "..." }.
// The routes live in jobs.js (milestones 1 and 2) and applications.js (milestones 3 and 4).
const express = require('express');
const { authenticate, requireRole } = require('./auth');
const { jobRoutes } = require('./jobs');
const { applicationRoutes } = require('./applications');

function createApp({ db, secret }) {
  const app = express();
  app.use(express.json());

  // Middleware for routes that need a signed-in user, and for those that need a role as well:
  //   router.post('/jobs', auth, employer, handler)
  const auth = authenticate(secret);
  const deps = { db, auth, employer: requireRole('employer'), candidate: requireRole('candidate') };
  app.use(jobRoutes(deps));
  app.use(applicationRoutes(deps));

  app.use((req, res) => res.status(404).json({ error: `No route for ${req.method} ${req.path}` }));
  // Express 5 sends errors thrown in async handlers here.
  app.use((err, req, res, next) => {
    if (err.type === 'entity.parse.failed') return res.status(400).json({ error: 'The body is not valid JSON' });
    console.error(err);
    res.status(500).json({ error: 'Internal error' });
  });
  return app;
}

module.exports = { createApp };
