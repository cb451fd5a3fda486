// The HTTP API (done for you), on node:http. Every answer is JSON; errors are { "error": "..." }.
//   GET /customers/:id/orders    the customer's 10 newest orders: [{ id, totalCents }]
//   GET /customers?email=...     the customer with that email, whatever its case: { id, email } (404)
// The two queries are below, exactly as the README shows them; your part is the indexes that make
// them fast, in migrations/002_indexes.sql.
import * as http from 'node:http';
import type { Pool } from 'pg';

export const NEWEST_ORDERS = 'SELECT id, total_cents FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 10';
export const CUSTOMER_BY_EMAIL = 'SELECT id, email FROM customers WHERE lower(email) = lower($1)';

export function createApp({ db }: { db: Pool }): http.Server {
  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET') return send(405, { error: `${req.method} is not allowed here` });
    const orders = /^\/customers\/(\d+)\/orders$/.exec(url.pathname);
    if (orders) {
      const { rows } = await db.query<{ id: number; total_cents: number }>(NEWEST_ORDERS, [Number(orders[1])]);
      return send(
        200,
        rows.map((r) => ({ id: r.id, totalCents: r.total_cents })),
      );
    }
    const email = url.searchParams.get('email');
    if (url.pathname === '/customers' && email !== null) {
      const { rows } = await db.query<{ id: number; email: string }>(CUSTOMER_BY_EMAIL, [email]);
      return rows[0] ? send(200, rows[0]) : send(404, { error: 'No customer with that email' });
    }
    return send(404, { error: `No route for GET ${url.pathname}` });
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }));
    });
  });
}
