// The HTTP API (done for you), on node:http. Every answer is JSON; errors are { "error": "..." }.
//   POST /transfers     { fromId, toId, amountCents } -> 201 { id, fromId, toId, amountCents }
//                       400 invalid input, 404 unknown account, 409 not enough money
//   GET /accounts/:id   { id, owner, balanceCents } (404 when there is none)
// The transfer itself is in transfers.js.
const http = require('node:http');
const { transfer } = require('./transfers');
const { AccountNotFoundError, InsufficientFundsError } = require('./errors');

const isId = (v) => Number.isSafeInteger(v) && v > 0;

function createApp({ db }) {
  async function handle(req, res) {
    const send = (status, value) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const { pathname } = new URL(req.url, 'http://localhost');
    const account = /^\/accounts\/(\d+)$/.exec(pathname);
    if (account && req.method === 'GET') {
      const { rows } = await db.query('SELECT id, owner, balance_cents FROM accounts WHERE id = $1', [Number(account[1])]);
      if (rows.length === 0) return send(404, { error: `Account ${account[1]} not found` });
      // bigint comes back from pg as a string.
      return send(200, { id: rows[0].id, owner: rows[0].owner, balanceCents: Number(rows[0].balance_cents) });
    }
    if (pathname !== '/transfers') return send(404, { error: `No route for ${req.method} ${pathname}` });
    if (req.method !== 'POST') return send(405, { error: `${req.method} is not allowed here` });
    let input;
    try {
      input = JSON.parse(await readBody(req));
    } catch {
      return send(400, { error: 'The body must be JSON' });
    }
    const { fromId, toId, amountCents } = input ?? {};
    if (!isId(fromId) || !isId(toId)) return send(400, { error: 'fromId and toId must be account ids' });
    if (fromId === toId) return send(400, { error: 'An account cannot send money to itself' });
    if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return send(400, { error: 'amountCents must be a whole number above 0' });
    try {
      return send(201, await transfer(db, { fromId, toId, amountCents }));
    } catch (err) {
      if (err instanceof AccountNotFoundError) return send(404, { error: err.message });
      if (err instanceof InsufficientFundsError) return send(409, { error: err.message });
      throw err;
    }
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: err.message }));
    });
  });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

module.exports = { createApp };
