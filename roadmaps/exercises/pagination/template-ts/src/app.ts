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
    // TODO 1: limit: default DEFAULT_LIMIT; a whole number from 1 to MAX_LIMIT, else answer 400
    //         with { error: "..." }. req.query.limit is typed loosely: check typeof === 'string'.
    // TODO 2: order newest first: createdAt descending, and id descending when createdAt is equal.
    // TODO 3: ?tag=sql keeps only articles whose tags include "sql".
    // TODO 4: ?cursor=...: decodeCursor() it; keep only articles after that one in the order
    //         above. A cursor that does not decode to a known article id answers 400.
    // TODO 5: if more articles follow this page, nextCursor = encodeCursor(id of the page's last
    //         article) and set the header Link: </articles?limit=..&cursor=..>; rel="next"
    //         (keep tag in it too). Otherwise nextCursor is null and there is no Link header.
    res.json({ data: articles.slice(0, DEFAULT_LIMIT), nextCursor: null });
  });

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: `No route for ${req.method} ${req.path}` });
  });
  return app;
}

// The cursor is opaque to clients: they pass it back, they never build or read it.
export function encodeCursor(id: number): string {
  return Buffer.from(String(id), 'utf8').toString('base64url');
}

/** The article id inside a cursor, or null when it is not a cursor this API made. */
export function decodeCursor(cursor: string): number | null {
  // TODO: Buffer.from(cursor, 'base64url').toString('utf8') gives the id back as text. Check it
  // is a positive whole number; base64url decoding skips characters it does not know, so also
  // check that encodeCursor(id) === cursor.
  void cursor;
  return null;
}
