// Server-side sessions behind a cookie that holds nothing but a long random id.
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
 * - login(req, res, user) -> a NEW session with the old one's data and `user`; the old one is gone;
 * - logout(req, res)      -> the session destroyed on the server, the cookie cleared.
 */
export function createSessions({ idleSeconds, secure = false, now = () => Date.now() }: SessionOptions): Sessions {
  const store = new Map<string, { data: SessionData; lastSeen: number }>();

  // 32 bytes from the operating system's CSPRNG: 256 bits nobody can guess or count up to.
  const newId = () => crypto.randomBytes(32).toString('base64url');

  const attributes = () => `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  const setCookie = (res: ServerResponse, id: string) => res.setHeader('Set-Cookie', `${COOKIE}=${id}; ${attributes()}`);

  function load(req: IncomingMessage): Session | undefined {
    const id = readCookie(req, COOKIE);
    if (id === undefined) return undefined;
    const entry = store.get(id);
    if (!entry) return undefined;
    if (now() - entry.lastSeen > idleSeconds * 1000) {
      store.delete(id);
      return undefined;
    }
    entry.lastSeen = now(); // sliding: every request restarts the idle clock
    return { id, data: entry.data };
  }

  function start(res: ServerResponse, data: SessionData): Session {
    const id = newId();
    store.set(id, { data, lastSeen: now() });
    setCookie(res, id);
    return { id, data };
  }

  function login(req: IncomingMessage, res: ServerResponse, user: string): Session {
    // Rotation: whatever id the browser had before (maybe planted by an attacker) dies here.
    const old = load(req);
    if (old) store.delete(old.id);
    return start(res, { ...(old?.data ?? {}), user });
  }

  function logout(req: IncomingMessage, res: ServerResponse): void {
    const session = load(req);
    if (session) store.delete(session.id);
    res.setHeader('Set-Cookie', `${COOKIE}=; Max-Age=0; ${attributes()}`);
  }

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
