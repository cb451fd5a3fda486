const express = require('express');
const { createArticles } = require('./articles');

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

// `articles` is injectable so the tests can use (and change) their own list.
function createApp({ articles = createArticles() } = {}) {
  const app = express();

  // GET /articles?limit=10&cursor=...&tag=sql  ->  { data: [...], nextCursor: "..." | null }
  app.get('/articles', (req, res) => {
    // TODO 1: limit: default DEFAULT_LIMIT; a whole number from 1 to MAX_LIMIT, else answer 400
    //         with { error: "..." }.
    // TODO 2: order newest first: createdAt descending, and id descending when createdAt is equal.
    // TODO 3: ?tag=sql keeps only articles whose tags include "sql".
    // TODO 4: ?cursor=...: decodeCursor() it; keep only articles after that one in the order
    //         above. A cursor that does not decode to a known article id answers 400.
    // TODO 5: if more articles follow this page, nextCursor = encodeCursor(id of the page's last
    //         article) and set the header Link: </articles?limit=..&cursor=..>; rel="next"
    //         (keep tag in it too). Otherwise nextCursor is null and there is no Link header.
    res.json({ data: articles.slice(0, DEFAULT_LIMIT), nextCursor: null });
  });

  app.use((req, res) => res.status(404).json({ error: `No route for ${req.method} ${req.path}` }));
  return app;
}

// The cursor is opaque to clients: they pass it back, they never build or read it.
function encodeCursor(id) {
  return Buffer.from(String(id), 'utf8').toString('base64url');
}

// Returns the article id inside a cursor, or null when it is not a cursor this API made.
function decodeCursor(cursor) {
  // TODO: Buffer.from(cursor, 'base64url').toString('utf8') gives the id back as text. Check it
  // is a positive whole number; base64url decoding skips characters it does not know, so also
  // check that encodeCursor(id) === cursor.
  return null;
}

module.exports = { createApp, encodeCursor, decodeCursor, DEFAULT_LIMIT, MAX_LIMIT };
