// A tiny bank (done for you): cookie sessions, an account, and transfers. The CSRF checks are in
// csrf.ts.
//
//   POST /login    { "username", "password" } -> 200 { user, csrfToken } and the sid cookie; 401
//   GET  /account  -> 200 { user, balance, csrfToken }; 401
//   POST /transfer { "to", "amount" } (X-CSRF-Token) -> 200 { balance }; 401, 403, 400
import http, { type IncomingMessage } from 'node:http';
import crypto from 'node:crypto';
import { newToken, csrfProblem } from './csrf';

type Answer = [status: number, payload: unknown];
type Body = Record<string, unknown>;

const USERS: Record<string, string> = { ada: 'correct horse battery staple', grace: 'hopper' };

export function createApp({ appOrigin }: { appOrigin: string }): http.Server {
  const sessions = new Map<string | undefined, { user: string; csrfToken: string }>();
  const balances = new Map<unknown, number>(Object.keys(USERS).map((u) => [u, 1000]));

  async function handle(req: IncomingMessage, res: http.ServerResponse): Promise<Answer> {
    const route = `${req.method} ${(req.url ?? '/').split('?')[0]}`;
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
      const mine = balances.get(session.user) ?? 0;
      if (!balances.has(to) || to === session.user || typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0 || amount > mine) {
        return [400, { error: 'to must be another user and amount a whole number you have' }];
      }
      balances.set(session.user, mine - amount);
      balances.set(to, (balances.get(to) ?? 0) + amount);
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

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

async function readJson(req: IncomingMessage): Promise<Body | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}
