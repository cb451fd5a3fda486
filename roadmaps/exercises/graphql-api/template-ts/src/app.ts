import express from 'express';
import type { Express } from 'express';
import { createHandler } from 'graphql-http/lib/use/express';
import { schema, createContext } from './schema';
import { createDb } from './db';
import type { Db } from './db';

/** An Express 5 app with one GraphQL endpoint. Each app has its own in-memory data. */
export function createApp({ db = createDb() }: { db?: Db } = {}): Express {
  const app = express();
  // graphql-http reads and parses the request body itself, so no express.json() here.
  // context runs once per HTTP request: every request gets fresh loaders (see src/schema.ts).
  app.all('/graphql', createHandler({ schema, context: () => createContext({ db }) }));
  // Counted by the data source itself, so the check can see whether author lookups were batched.
  app.get('/stats', (_req, res) => {
    res.json({ authorQueries: db.stats.authorQueries, authorIdsRequested: db.stats.authorIdsRequested });
  });
  return app;
}
