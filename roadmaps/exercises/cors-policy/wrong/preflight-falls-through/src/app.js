// A small JSON API (/api/items) behind a CORS policy (src/cors.js).
const http = require('node:http');
const { corsPolicy, parseOrigins } = require('./cors');

/** The routes: the methods each supports, and a handler per method (done for you). */
const ROUTES = [
  { pattern: /^\/api\/items$/, methods: ['GET', 'POST'] },
  { pattern: /^\/api\/items\/(\d+)$/, methods: ['GET', 'DELETE'] },
];

function sendJson(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function readJson(req) {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(undefined);
      }
    });
  });
}

function createServer({ origins = parseOrigins(process.env.CORS_ORIGINS) } = {}) {
  const items = [
    { id: 1, name: 'Keyboard' },
    { id: 2, name: 'Mouse' },
  ];
  let nextId = 3;

  const handlers = {
    'GET /api/items': async (req, res) => sendJson(res, 200, items),
    'POST /api/items': async (req, res) => {
      const body = await readJson(req);
      if (typeof body?.name !== 'string' || body.name.trim() === '') {
        sendJson(res, 400, { error: 'name (a non-empty string) is required' });
        return;
      }
      const item = { id: nextId++, name: body.name.trim() };
      items.push(item);
      sendJson(res, 201, item);
    },
    'GET /api/items/:id': async (req, res, id) => {
      const item = items.find((i) => i.id === id);
      if (item) sendJson(res, 200, item);
      else sendJson(res, 404, { error: `no item ${id}` });
    },
    'DELETE /api/items/:id': async (req, res, id) => {
      const index = items.findIndex((i) => i.id === id);
      if (index === -1) {
        sendJson(res, 404, { error: `no item ${id}` });
        return;
      }
      items.splice(index, 1);
      res.writeHead(204).end();
    },
  };

  return http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const route = ROUTES.find((r) => r.pattern.test(pathname));
    if (!route) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    const id = Number(route.pattern.exec(pathname)[1]);
    const name = route.methods.includes('POST') ? '/api/items' : '/api/items/:id';

    // The CORS policy first, for every request to a route: its headers go on whatever the answer
    // is, and a preflight is answered here, before any handler can run.
    const cors = corsPolicy(req, route.methods, origins);
    for (const [header, value] of Object.entries(cors.headers)) res.setHeader(header, value);
    // WRONG: the preflight's headers are set, but the request goes on to the routes (405 for OPTIONS).

    if (!route.methods.includes(req.method)) {
      res.setHeader('Allow', route.methods.join(', '));
      sendJson(res, 405, { error: `${req.method} is not allowed here` });
      return;
    }
    await handlers[`${req.method} ${name}`](req, res, id);
  });
}

module.exports = { createServer };
