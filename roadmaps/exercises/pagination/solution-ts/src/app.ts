import express, { type Express, type Request, type Response } from 'express';
import { createArticles, type Article } from './articles';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

/** One page: the articles, and the cursor of the next page (null on the last one). */
export interface Page {
  data: Article[];
  nextCursor: string | null;
}

// `articles` is injectable so the tests can use (and change) their own list.
export function createApp({ articles = createArticles() }: { articles?: Article[] } = {}): Express {
  const app = express();

  // GET /articles?limit=10&cursor=...&tag=sql  ->  { data: [...], nextCursor: "..." | null }
  app.get('/articles', (req: Request, res: Response<Page | { error: string }>) => {
    const limit = parseLimit(req.query.limit);
    if (limit === null) {
      res.status(400).json({ error: `limit must be a whole number from 1 to ${MAX_LIMIT}` });
      return;
    }
    const { tag, cursor } = req.query;
    if (tag !== undefined && typeof tag !== 'string') {
      res.status(400).json({ error: 'tag must be given once' });
      return;
    }
    if (cursor !== undefined && typeof cursor !== 'string') {
      res.status(400).json({ error: 'cursor must be given once' });
      return;
    }

    let list = articles.filter((a) => tag === undefined || a.tags.includes(tag)).sort(newestFirst);

    if (cursor !== undefined) {
      const id = decodeCursor(cursor);
      const last = id === null ? undefined : articles.find((a) => a.id === id);
      if (!last) {
        res.status(400).json({ error: 'cursor is not valid: start again from the first page' });
        return;
      }
      // Keyset: everything strictly after the last article seen. Unlike an offset, this does not
      // shift when newer articles arrive while a client is paging.
      list = list.filter((a) => newestFirst(a, last) > 0);
    }

    const page = list.slice(0, limit);
    const lastOnPage = page.at(-1);
    const nextCursor = list.length > limit && lastOnPage ? encodeCursor(lastOnPage.id) : null;
    if (nextCursor) {
      const params = new URLSearchParams({ limit: String(limit) });
      if (tag !== undefined) params.set('tag', tag);
      params.set('cursor', nextCursor);
      res.set('Link', `<${req.baseUrl}${req.path}?${params}>; rel="next"`);
    }
    res.json({ data: page, nextCursor });
  });

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: `No route for ${req.method} ${req.path}` });
  });
  return app;
}

// Newest first; id breaks ties so the order is total and pages never overlap or skip.
// In SQL: ORDER BY created_at DESC, id DESC, with an index on (created_at, id).
function newestFirst(a: Article, b: Article): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id;
}

function parseLimit(raw: unknown): number | null {
  if (raw === undefined) return DEFAULT_LIMIT;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return null; // rejects "abc", "2.5", "-1", repeats
  const n = Number(raw);
  return n >= 1 && n <= MAX_LIMIT ? n : null;
}

// The cursor is opaque to clients: they pass it back, they never build or read it.
export function encodeCursor(id: number): string {
  return Buffer.from(String(id), 'utf8').toString('base64url');
}

/** The article id inside a cursor, or null when it is not a cursor this API made. */
export function decodeCursor(cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[1-9]\d*$/.test(text)) return null;
  // Decoding skips characters it does not know; a round trip accepts only what we produce.
  if (encodeCursor(Number(text)) !== cursor) return null;
  return Number(text);
}
