// The HTTP API (done for you), on node:http. Every answer is JSON; errors are { "error": "..." }.
//   GET /search?q=...   the 10 best matching articles, best first: [{ id, title }]
//                       (400 when q is missing or blank)
// The search itself is in search.ts.
import * as http from 'node:http';
import type { Pool } from 'pg';
import { search } from './search';

export function createApp({ db }: { db: Pool }): http.Server {
  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/search') return send(404, { error: `No route for ${req.method} ${url.pathname}` });
    if (req.method !== 'GET') return send(405, { error: `${req.method} is not allowed here` });
    const q = (url.searchParams.get('q') ?? '').trim();
    if (q === '') return send(400, { error: 'q is required' });
    return send(200, await search(db, q));
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }));
    });
  });
}
