// A tiny bank (done for you): cookie sessions, an account, and transfers. The CSRF checks are in
// csrf.js.
//
//   POST /login    { "username", "password" } -> 200 { user, csrfToken } and the sid cookie; 401
//   GET  /account  -> 200 { user, balance, csrfToken }; 401
//   POST /transfer { "to", "amount" } (X-CSRF-Token) -> 200 { balance }; 401, 403, 400
const http = require('node:http');
const crypto = require('node:crypto');
const { newToken, csrfProblem } = require('./csrf');

const USERS = { ada: 'correct horse battery staple', grace: 'hopper' };

function createApp({ appOrigin }) {
  const sessions = new Map(); // sid -> { user, csrfToken }
  const balances = new Map(Object.keys(USERS).map((u) => [u, 1000]));

  async function handle(req, res) {
    const route = `${req.method} ${req.url.split('?')[0]}`;
    const session = sessions.get(readCookie(req, 'sid'));
    if (route === 'POST /login') {
      const { username, password } = (await readJson(req)) ?? {};
      if (typeof username !== 'string' || USERS[username] === undefined || USERS[username] !== password) {
        return [401, { error: 'wrong username or password' }];
      }
      const sid = crypto.randomBytes(32).toString('base64url');
      const csrfToken = newToken();
      sessions.set(sid, { user: username, csrfToken });
      res.setHeader('Set-Cookie', `sid=${sid}; Path=/; HttpOnly; SameSite=Lax`);
      return [200, { user: username, csrfToken }];
    }
    if (route === 'GET /account') {
      if (!session) return [401, { error: 'not logged in' }];
      // A safe method: the check lets it through, whatever the Origin.
      const problem = csrfProblem(req, session, appOrigin);
      if (problem) return [403, { error: problem }];
      return [200, { user: session.user, balance: balances.get(session.user), csrfToken: session.csrfToken }];
    }
    if (route === 'POST /transfer') {
      if (!session) return [401, { error: 'not logged in' }];
      // A logged-in request that changes something: the CSRF check decides before anything else.
      const problem = csrfProblem(req, session, appOrigin);
      if (problem) return [403, { error: problem }];
      const { to, amount } = (await readJson(req)) ?? {};
      if (!balances.has(to) || to === session.user || !Number.isInteger(amount) || amount <= 0 || amount > balances.get(session.user)) {
        return [400, { error: 'to must be another user and amount a whole number you have' }];
      }
      balances.set(session.user, balances.get(session.user) - amount);
      balances.set(to, balances.get(to) + amount);
      return [200, { balance: balances.get(session.user) }];
    }
    return [404, { error: `no route for ${route}` }];
  }

  return http.createServer(async (req, res) => {
    try {
      const [status, payload] = await handle(req, res);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(payload));
    } catch (error) {
      console.error(error);
      res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'internal error' }));
    }
  });
}

function readCookie(req, name) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
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
