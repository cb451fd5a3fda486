// The HTTP API (done for you), on node:http:
//   GET  /<version>/users/:id  a user, in that version's shape (404 when there is none)
//   POST /<version>/users      creates a user from that version's shape: 201 with Location (400)
// <version> is looked up with resolveVersion (./versions.js): an unknown one is a 404.
// Users are stored one way (givenName, familyName, email); each version presents and parses them.
const http = require('node:http');
const { resolveVersion } = require('./versions');

function createStore() {
  const users = new Map([[1, { id: 1, givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.com' }]]);
  let nextId = 2;
  return {
    get: (id) => users.get(id),
    add(fields) {
      const user = { id: nextId++, ...fields };
      users.set(user.id, user);
      return user;
    },
  };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function createApp({ store = createStore() } = {}) {
  async function handle(req, res) {
    const path = new URL(req.url, 'http://localhost').pathname;
    const route = /^\/([^/]+)\/users(?:\/(\d+))?$/.exec(path);
    const version = route ? resolveVersion(route[1]) : undefined;
    // Every answer under a known version carries that version's headers (Deprecation, for one).
    const send = (status, value, extra = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...(version ? version.headers(path) : {}), ...extra });
      res.end(JSON.stringify(value));
    };
    if (!route) return send(404, { error: `No route for ${req.method} ${path}` });
    if (!version) return send(404, { error: `Unknown API version "${route[1]}"` });
    const [, name, id] = route;
    if (req.method === 'GET' && id) {
      const user = store.get(Number(id));
      return user ? send(200, version.present(user)) : send(404, { error: `User ${id} not found` });
    }
    if (req.method === 'POST' && !id) {
      let body;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return send(400, { error: 'The body must be JSON' });
      }
      const parsed = version.parse(body ?? {});
      if (parsed.error) return send(400, { error: parsed.error });
      const user = store.add(parsed.fields);
      return send(201, version.present(user), { location: `/${name}/users/${user.id}` });
    }
    return send(405, { error: `${req.method} is not allowed on ${path}` });
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: err.message }));
    });
  });
}

module.exports = { createApp, createStore };
