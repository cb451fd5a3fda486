// Sessions behind a cookie. This works, and it is unsafe in five ways (README, "Steps"): the ids can
// be guessed, the cookie is readable from JavaScript and sent cross-site, the id survives login,
// logout forgets nothing on the server, and sessions never expire.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type SessionData = { user?: string; cart?: string[] };
export interface Session {
  id: string;
  data: SessionData;
}
export interface Sessions {
  load(req: IncomingMessage): Session | undefined;
  start(res: ServerResponse, data: SessionData): Session;
  login(req: IncomingMessage, res: ServerResponse, user: string): Session;
  logout(req: IncomingMessage, res: ServerResponse): void;
}
export interface SessionOptions {
  idleSeconds: number;
  secure?: boolean;
  now?: () => number;
}

const COOKIE = 'sid';

/**
 * createSessions({ idleSeconds, secure, now }) keeps sessions in memory, by id.
 * - load(req)             -> the request's live session { id, data }, or undefined;
 * - start(res, data)      -> a new session holding `data`, its cookie set on `res`;
 * - login(req, res, user) -> the session, now holding `user` as well;
 * - logout(req, res)      -> the cookie cleared.
 */
export function createSessions({ idleSeconds, secure = false, now = () => Date.now() }: SessionOptions): Sessions {
  const store = new Map<string, { data: SessionData; lastSeen: number }>();
  let counter = 0;

  // TODO 1: ids nobody can guess: 32 bytes from crypto.randomBytes, as base64url.
  const newId = () => String(++counter);

  // TODO 2: the cookie's attributes: Path=/, HttpOnly, SameSite=Lax, and Secure when `secure` is true.
  const setCookie = (res: ServerResponse, id: string) => res.setHeader('Set-Cookie', `${COOKIE}=${id}`);

  function load(req: IncomingMessage): Session | undefined {
    const id = readCookie(req, COOKIE);
    if (id === undefined) return undefined;
    const entry = store.get(id);
    if (!entry) return undefined;
    // TODO 3: a session idle for more than idleSeconds (now() - entry.lastSeen, in ms) is deleted
    //         and treated as absent; a live one gets lastSeen = now().
    return { id, data: entry.data };
  }

  function start(res: ServerResponse, data: SessionData): Session {
    const id = newId();
    store.set(id, { data, lastSeen: now() });
    setCookie(res, id);
    return { id, data };
  }

  function login(req: IncomingMessage, res: ServerResponse, user: string): Session {
    // TODO 4: rotation. Start a NEW session holding the old one's data and the user, and delete
    //         the old one, so an id known before login (maybe planted by an attacker) is worth nothing.
    const session = load(req) ?? start(res, {});
    session.data.user = user;
    return session;
  }

  function logout(req: IncomingMessage, res: ServerResponse): void {
    // TODO 5: delete the session on the server too; clearing the cookie only asks the browser
    //         to forget it, and a copy of the id would still work.
    res.setHeader('Set-Cookie', `${COOKIE}=; Max-Age=0; Path=/`);
  }

  void [crypto, idleSeconds, secure];
  return { load, start, login, logout };
}

/** The value of cookie `name` in the request's Cookie header, or undefined. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
