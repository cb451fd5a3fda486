// The HTTP API (done for you), on node:http. Every answer is JSON; errors are { "error": "..." }.
//   GET /customers/:id/orders    the customer's 10 newest orders: [{ id, totalCents }]
//   GET /customers?email=...     the customer with that email, whatever its case: { id, email } (404)
// The two queries are below, exactly as the README shows them; your part is the indexes that make
// them fast, in migrations/002_indexes.sql.
const http = require('node:http');

const NEWEST_ORDERS = 'SELECT id, total_cents FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 10';
const CUSTOMER_BY_EMAIL = 'SELECT id, email FROM customers WHERE lower(email) = lower($1)';

function createApp({ db }) {
  async function handle(req, res) {
    const send = (status, value) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url, 'http://localhost');
    if (req.method !== 'GET') return send(405, { error: `${req.method} is not allowed here` });
    const orders = /^\/customers\/(\d+)\/orders$/.exec(url.pathname);
    if (orders) {
      const { rows } = await db.query(NEWEST_ORDERS, [Number(orders[1])]);
      return send(
        200,
        rows.map((r) => ({ id: r.id, totalCents: r.total_cents })),
      );
    }
    if (url.pathname === '/customers' && url.searchParams.has('email')) {
      const { rows } = await db.query(CUSTOMER_BY_EMAIL, [url.searchParams.get('email')]);
      return rows.length === 0 ? send(404, { error: 'No customer with that email' }) : send(200, rows[0]);
    }
    return send(404, { error: `No route for GET ${url.pathname}` });
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error(err);
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: err.message }));
    });
  });
}

module.exports = { createApp, NEWEST_ORDERS, CUSTOMER_BY_EMAIL };
