// The HTTP API (done for you), on node:http:
//   POST /locks/:name           acquires the lock: 200 { name, token, ttlMs }, or 409 when it is held
//   POST /locks/:name/release   { "token": "..." }: 200 { released: true }, or 409 when that token
//                               does not hold the lock (expired, never held, someone else's)
// Every answer is JSON; errors are { "error": "..." }. Names are 1 to 64 letters, digits, _ or -.
const http = require('node:http');
const { createLock } = require('./lock');

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

function createApp({ redis, keyPrefix = 'lock:', ttlMs = 10_000 }) {
  const lock = createLock({ redis, keyPrefix, ttlMs });

  async function handle(req, res) {
    const send = (status, value) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url, 'http://localhost');
    const route = /^\/locks\/([^/]+)(\/release)?$/.exec(url.pathname);
    if (!route) return send(404, { error: `No route for ${req.method} ${url.pathname}` });
    if (req.method !== 'POST') return send(405, { error: `${req.method} is not allowed here` });
    const name = route[1];
    if (!NAME.test(name)) return send(400, { error: 'A lock name is 1 to 64 letters, digits, _ or -' });

    if (!route[2]) {
      const token = await lock.acquire(name);
      return token ? send(200, { name, token, ttlMs }) : send(409, { error: `${name} is locked` });
    }

    let body;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return send(400, { error: 'The body must be JSON' });
    }
    const token = body?.token;
    if (typeof token !== 'string' || token === '') return send(400, { error: 'The body must be {"token": "..."}' });
    const released = await lock.release(name, token);
    return released ? send(200, { released: true }) : send(409, { error: `This token does not hold ${name}` });
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Internal Server Error' }));
    });
  });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 64 * 1024) req.destroy(new Error('body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

module.exports = { createApp };
