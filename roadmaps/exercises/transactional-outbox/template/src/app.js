// The HTTP API (done for you), on node:http:
//   POST /orders         { customer, lines: [{ sku, quantity }, ...] } -> 201 with the order
//   GET  /published      the messages the broker has accepted, oldest first
//   POST /broker/outage  { down: true | false } switches a broker outage on or off
// Every answer is JSON; errors are { "error": "..." }.
const http = require('node:http');
const { createOrder } = require('./orders');

function validOrder(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'The body must be a JSON object';
  if (typeof body.customer !== 'string' || body.customer === '') return 'customer must be a non-empty string';
  if (!Array.isArray(body.lines) || body.lines.length === 0) return 'lines must be a non-empty array';
  for (const line of body.lines) {
    if (line === null || typeof line !== 'object' || typeof line.sku !== 'string' || !Number.isInteger(line.quantity)) {
      return 'each line needs a sku (string) and a quantity (whole number)';
    }
  }
  // The quantity's range is left to the database: order_lines has CHECK (quantity > 0).
  return null;
}

function createApp({ pool, broker }) {
  async function handle(req, res) {
    const send = (status, value) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url, 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /published') return send(200, broker.published());
    if (route !== 'POST /orders' && route !== 'POST /broker/outage') {
      return send(404, { error: `No route for ${route}` });
    }
    let body;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return send(400, { error: 'The body must be JSON' });
    }
    if (route === 'POST /broker/outage') {
      if (typeof body?.down !== 'boolean') return send(400, { error: 'Send {"down": true} or {"down": false}' });
      broker.setDown(body.down);
      return send(200, { down: broker.isDown() });
    }
    const problem = validOrder(body);
    if (problem) return send(400, { error: problem });
    try {
      const order = await createOrder({ pool, broker }, { customer: body.customer, lines: body.lines });
      return send(201, order);
    } catch (err) {
      // 23514: a CHECK constraint refused a row (a quantity of 0 or less).
      if (err.code === '23514') return send(400, { error: `The database refused the order: ${err.message}` });
      throw err;
    }
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Internal error' }));
    });
  });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

module.exports = { createApp };
