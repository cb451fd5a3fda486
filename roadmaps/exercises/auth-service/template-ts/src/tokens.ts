import jwt from 'jsonwebtoken';
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export interface Claims {
  userId: number;
  sessionId: string;
}

/** Milestone 2: a short-lived HS256 access token: sub is the user id (a string), sid the session. */
export function signAccessToken(secret: string, { userId, sessionId }: Claims, seconds: number): string {
  // TODO (milestone 2): jwt.sign({ sid: sessionId }, secret, { algorithm: 'HS256',
  //   subject: String(userId), expiresIn: seconds })
  void jwt;
  throw new Error('signAccessToken is not written yet (milestone 2)');
}

/** Milestone 2: { userId, sessionId } from a valid access token, or undefined. */
export function verifyAccessToken(secret: string, token: string): Claims | undefined {
  // TODO (milestone 2): jwt.verify with algorithms: ['HS256'] (it throws on a bad or expired token);
  //   require a string sub and sid; answer { userId: Number(sub), sessionId: sid }.
  return undefined;
}

// Keep only a hash of each refresh token: a leaked store then hands out no working tokens.
const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

interface Session {
  id: string;
  userId: number;
  /** The digest of the one refresh token that is valid now. */
  current: string;
  ended: boolean;
}

export interface SessionStore {
  /** Milestone 2: a new session for the user and its first refresh token. */
  start(userId: number): { sessionId: string; refreshToken: string };
  /**
   * Milestone 2: trades the session's newest refresh token for a new one, or undefined when the token
   * is unknown, old or its session ended.
   */
  rotate(refreshToken: string): (Claims & { refreshToken: string }) | undefined;
  /** Milestone 3: true while the session has not ended. */
  isActive(sessionId: string): boolean;
  /** Milestone 3: ends one session. */
  end(sessionId: string): void;
  /** Milestone 3: ends every session of the user. */
  endAll(userId: number): void;
}

/**
 * Sessions: one per login, each a family of refresh tokens where only the newest is valid. Showing an
 * older one again means it was copied: the whole session ends.
 */
export function createSessionStore(): SessionStore {
  const sessions = new Map<string, Session>();
  const familyOf = new Map<string, string>(); // digest of every refresh token handed out -> session id
  void [digest, randomBytes, randomUUID, sessions, familyOf];

  return {
    start(userId) {
      // TODO (milestone 2): a random id (randomUUID()), and a random token
      //   (randomBytes(32).toString('base64url')) whose digest becomes the session's current one.
      throw new Error('sessions.start is not written yet (milestone 2)');
    },
    rotate(refreshToken) {
      // TODO (milestone 2): an older token of a live session is a reuse: end the session, answer undefined.
      return undefined;
    },
    isActive(sessionId) {
      // TODO (milestone 3)
      return true;
    },
    end(sessionId) {
      // TODO (milestone 3)
    },
    endAll(userId) {
      // TODO (milestone 3)
    },
  };
}
