// The HTTP API (done for you): a cart that works before login, a login, and who you are. The
// session handling is in sessions.js.
//
//   POST /cart   { "item": "tea" }                     -> 200 { cart: [...] } (starts a session if needed)
//   POST /login  { "username", "password" }            -> 200 { user }, 401
//   GET  /me                                           -> 200 { user, cart }, 401
//   POST /logout                                       -> 204
const http = require('node:http');
const crypto = require('node:crypto');
const { createSessions } = require('./sessions');

// A stand-in for a user table (a real one stores password hashes: see the password-hashing exercise).
const USERS = { ada: 'correct horse battery staple' };

function createApp({ idleSeconds = 1800, secure = false, now } = {}) {
  const sessions = createSessions({ idleSeconds, secure, ...(now ? { now } : {}) });

  async function handle(req, res) {
    const route = `${req.method} ${req.url.split('?')[0]}`;
    if (route === 'POST /cart') {
      const { item } = (await readJson(req)) ?? {};
      if (typeof item !== 'string' || item === '') return [400, { error: 'item must be a non-empty string' }];
      const session = sessions.load(req) ?? sessions.start(res, {});
      session.data.cart = [...(session.data.cart ?? []), item];
      return [200, { cart: session.data.cart }];
    }
    if (route === 'POST /login') {
      const { username, password } = (await readJson(req)) ?? {};
      if (typeof username !== 'string' || typeof password !== 'string' || !checkPassword(username, password)) {
        return [401, { error: 'wrong username or password' }];
      }
      sessions.login(req, res, username);
      return [200, { user: username }];
    }
    if (route === 'GET /me') {
      const session = sessions.load(req);
      if (!session?.data.user) return [401, { error: 'not logged in' }];
      return [200, { user: session.data.user, cart: session.data.cart ?? [] }];
    }
    if (route === 'POST /logout') {
      sessions.logout(req, res);
      return [204];
    }
    return [404, { error: `no route for ${route}` }];
  }

  return http.createServer(async (req, res) => {
    try {
      const [status, payload] = await handle(req, res);
      // Answers depend on the cookie: no shared cache may keep them.
      res.setHeader('Cache-Control', 'no-store');
      if (payload === undefined) return res.writeHead(status).end();
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(payload));
    } catch (error) {
      console.error(error);
      res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'internal error' }));
    }
  });
}

function checkPassword(username, password) {
  const expected = Object.hasOwn(USERS, username) ? USERS[username] : undefined;
  if (expected === undefined) return false;
  const a = crypto.createHash('sha256').update(password).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

module.exports = { createApp };
