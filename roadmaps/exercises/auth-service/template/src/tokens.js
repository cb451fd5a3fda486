const jwt = require('jsonwebtoken');
const { createHash, randomBytes, randomUUID } = require('node:crypto');

/** Milestone 2: a short-lived HS256 access token: sub is the user id (a string), sid the session. */
function signAccessToken(secret, { userId, sessionId }, seconds) {
  // TODO (milestone 2): jwt.sign({ sid: sessionId }, secret, { algorithm: 'HS256',
  //   subject: String(userId), expiresIn: seconds })
  void jwt;
  throw new Error('signAccessToken is not written yet (milestone 2)');
}

/** Milestone 2: { userId, sessionId } from a valid access token, or undefined. */
function verifyAccessToken(secret, token) {
  // TODO (milestone 2): jwt.verify with algorithms: ['HS256'] (it throws on a bad or expired token);
  //   require a string sub and sid; answer { userId: Number(sub), sessionId: sid }.
  return undefined;
}

// Keep only a hash of each refresh token: a leaked store then hands out no working tokens.
const digest = (token) => createHash('sha256').update(String(token)).digest('hex');

/**
 * Sessions: one per login, each a family of refresh tokens where only the newest is valid. Showing an
 * older one again means it was copied: the whole session ends.
 */
function createSessionStore() {
  const sessions = new Map(); // session id -> { id, userId, current, ended }
  const familyOf = new Map(); // digest of every refresh token ever handed out -> session id
  void [digest, randomBytes, randomUUID, sessions, familyOf];

  return {
    /** Milestone 2: a new session for the user and its first refresh token: { sessionId, refreshToken }. */
    start(userId) {
      // TODO (milestone 2): a random id (randomUUID()), and a random token (randomBytes(32).toString('base64url'))
      //   whose digest becomes the session's current one.
      throw new Error('sessions.start is not written yet (milestone 2)');
    },
    /**
     * Milestone 2: trades the session's newest refresh token for a new one:
     * { userId, sessionId, refreshToken }, or undefined when the token is unknown, old or its session ended.
     */
    rotate(refreshToken) {
      // TODO (milestone 2): an older token of a live session is a reuse: end the session, answer undefined.
      return undefined;
    },
    /** Milestone 3: true while the session has not ended. */
    isActive(sessionId) {
      // TODO (milestone 3)
      return true;
    },
    /** Milestone 3: ends one session. */
    end(sessionId) {
      // TODO (milestone 3)
    },
    /** Milestone 3: ends every session of the user. */
    endAll(userId) {
      // TODO (milestone 3)
    },
  };
}

module.exports = { signAccessToken, verifyAccessToken, createSessionStore };
