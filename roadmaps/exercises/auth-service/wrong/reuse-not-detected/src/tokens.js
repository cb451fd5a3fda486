const jwt = require('jsonwebtoken');
const { createHash, randomBytes, randomUUID } = require('node:crypto');

/** Milestone 2: a short-lived HS256 access token: sub is the user id (a string), sid the session. */
function signAccessToken(secret, { userId, sessionId }, seconds) {
  return jwt.sign({ sid: sessionId }, secret, { algorithm: 'HS256', subject: String(userId), expiresIn: seconds });
}

/** Milestone 2: { userId, sessionId } from a valid access token, or undefined. */
function verifyAccessToken(secret, token) {
  let payload;
  try {
    payload = jwt.verify(token, secret, { algorithms: ['HS256'] });
  } catch {
    return undefined;
  }
  if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return undefined;
  return { userId: Number(payload.sub), sessionId: payload.sid };
}

// Only a hash of each refresh token is kept: a leaked store hands out no working tokens.
const digest = (token) => createHash('sha256').update(String(token)).digest('hex');

/**
 * Sessions: one per login, each a family of refresh tokens where only the newest is valid. Showing an
 * older one again means it was copied: the whole session ends.
 */
function createSessionStore() {
  const sessions = new Map(); // session id -> { id, userId, current, ended }
  const familyOf = new Map(); // digest of every refresh token ever handed out -> session id

  const issue = (session) => {
    const token = randomBytes(32).toString('base64url');
    session.current = digest(token);
    familyOf.set(session.current, session.id);
    return token;
  };

  return {
    /** Milestone 2: a new session for the user and its first refresh token. */
    start(userId) {
      const session = { id: randomUUID(), userId, current: '', ended: false };
      sessions.set(session.id, session);
      return { sessionId: session.id, refreshToken: issue(session) };
    },
    /** Milestone 2: trades the newest refresh token for a new one; undefined when it is not valid. */
    rotate(refreshToken) {
      const hash = digest(refreshToken);
      const session = sessions.get(familyOf.get(hash));
      if (!session || session.ended) return undefined;
      // WRONG: an old token is refused, but its session goes on: the thief's newer token still works.
      if (session.current !== hash) return undefined;
      return { userId: session.userId, sessionId: session.id, refreshToken: issue(session) };
    },
    /** Milestone 3: true while the session has not ended. */
    isActive(sessionId) {
      const session = sessions.get(sessionId);
      return Boolean(session && !session.ended);
    },
    /** Milestone 3: ends one session. */
    end(sessionId) {
      const session = sessions.get(sessionId);
      if (session) session.ended = true;
    },
    /** Milestone 3: ends every session of the user. */
    endAll(userId) {
      for (const session of sessions.values()) if (session.userId === userId) session.ended = true;
    },
  };
}

module.exports = { signAccessToken, verifyAccessToken, createSessionStore };
