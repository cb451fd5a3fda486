const express = require('express');
const { createHandler } = require('graphql-http/lib/use/express');
const { schema, createContext } = require('./schema');
const { createDb } = require('./db');

/** An Express 5 app with one GraphQL endpoint. Each app has its own in-memory data. */
function createApp({ db = createDb() } = {}) {
  const app = express();
  // graphql-http reads and parses the request body itself, so no express.json() here.
  // context runs once per HTTP request: every request gets fresh loaders (see src/schema.js).
  app.all('/graphql', createHandler({ schema, context: () => createContext({ db }) }));
  // How often the author source was called, counted by the database itself: the check reads it to
  // see the N+1 fix from outside (one call for a whole list of books).
  app.get('/stats', (_req, res) => {
    res.json({ authorQueries: db.stats.authorQueries, authorIdsRequested: db.stats.authorIdsRequested });
  });
  return app;
}

module.exports = { createApp };
