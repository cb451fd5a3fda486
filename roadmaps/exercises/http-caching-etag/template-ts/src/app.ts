// The HTTP API (done for you), on node:http:
//   GET /articles/:id  the article as JSON, through sendCacheable (404 when there is none)
//   PUT /articles/:id  replaces { title, body } when preconditionFailure allows it (400, 404, 412, 428)
// Errors are JSON: { "error": "..." }. The caching rules are yours, in ./caching.ts.
import * as http from 'node:http';
import { etagOf, preconditionFailure, sendCacheable } from './caching';

export interface Article {
  id: number;
  title: string;
  body: string;
}

export interface ArticleStore {
  get(id: number): { article: Article; lastModified: Date } | undefined;
  put(id: number, article: Article): void;
}

const reasons: Record<number, string> = { 412: 'Precondition Failed', 428: 'Precondition Required' };

export function createStore(): ArticleStore {
  // Each article: what is sent (id, title, body) and when it last changed (whole seconds).
  const articles = new Map<number, Article>([
    [1, { id: 1, title: 'Why caches revalidate', body: 'A 304 saves the bytes, not the round trip.' }],
    [2, { id: 2, title: 'Optimistic concurrency', body: 'If-Match turns lost updates into 412s.' }],
  ]);
  const modified = new Map<number, Date>([
    [1, new Date('2024-10-01T10:00:00Z')],
    [2, new Date('2024-10-02T08:30:00Z')],
  ]);
  return {
    get(id) {
      const article = articles.get(id);
      const lastModified = modified.get(id);
      return article && lastModified ? { article, lastModified } : undefined;
    },
    put(id, article) {
      articles.set(id, article);
      // HTTP dates have whole seconds: drop the milliseconds, or If-Modified-Since never matches.
      modified.set(id, new Date(Math.floor(Date.now() / 1000) * 1000));
    },
  };
}

/** The exact bytes sent for an article; its ETag is computed from these. */
const representation = (article: Article): Buffer => Buffer.from(JSON.stringify(article));

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function createApp({ store = createStore() }: { store?: ArticleStore } = {}): http.Server {
  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = /^\/articles\/(\d+)$/.exec(url.pathname);
    if (!route) return send(404, { error: `No route for ${req.method} ${url.pathname}` });
    const id = Number(route[1]);
    const current = store.get(id);
    if (req.method === 'GET') {
      if (!current) return send(404, { error: `Article ${id} not found` });
      return sendCacheable(req, res, representation(current.article), current.lastModified);
    }
    if (req.method === 'PUT') {
      const text = await readBody(req);
      if (!current) return send(404, { error: `Article ${id} not found` });
      const failure = preconditionFailure(req, etagOf(representation(current.article)));
      if (failure) return send(failure, { error: `${reasons[failure] ?? 'Precondition failed'}: send If-Match with the current ETag` });
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch {
        return send(400, { error: 'The body must be JSON' });
      }
      const { title, body } = (input ?? {}) as { title?: unknown; body?: unknown };
      if (typeof title !== 'string' || !title || typeof body !== 'string' || !body) {
        return send(400, { error: 'title and body must be non-empty strings' });
      }
      const article: Article = { id, title, body };
      store.put(id, article);
      const bytes = representation(article);
      // The new validators go back with the answer, so the client's next If-Match is right.
      res.writeHead(200, {
        'content-type': 'application/json',
        etag: etagOf(bytes),
        'last-modified': store.get(id)?.lastModified.toUTCString() ?? '',
      });
      return void res.end(bytes);
    }
    res.writeHead(405, { allow: 'GET, PUT', 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `${req.method} is not allowed here` }));
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }));
    });
  });
}
