import jwt from 'jsonwebtoken';
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export interface Claims {
  userId: number;
  sessionId: string;
}

/** Milestone 2: a short-lived HS256 access token: sub is the user id (a string), sid the session. */
export function signAccessToken(secret: string, { userId, sessionId }: Claims, seconds: number): string {
  return jwt.sign({ sid: sessionId }, secret, { algorithm: 'HS256', subject: String(userId), expiresIn: seconds });
}

/** Milestone 2: { userId, sessionId } from a valid access token, or undefined. */
export function verifyAccessToken(secret: string, token: string): Claims | undefined {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, secret, { algorithms: ['HS256'] });
  } catch {
    return undefined;
  }
  if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return undefined;
  return { userId: Number(payload.sub), sessionId: payload.sid };
}

// Only a hash of each refresh token is kept: a leaked store hands out no working tokens.
const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

interface Session {
  id: string;
  userId: number;
  /** The digest of the one refresh token that is valid now. */
  current: string;
  ended: boolean;
}

export interface SessionStore {
  start(userId: number): { sessionId: string; refreshToken: string };
  rotate(refreshToken: string): (Claims & { refreshToken: string }) | undefined;
  isActive(sessionId: string): boolean;
  end(sessionId: string): void;
  endAll(userId: number): void;
}

/**
 * Sessions: one per login, each a family of refresh tokens where only the newest is valid. Showing an
 * older one again means it was copied: the whole session ends.
 */
export function createSessionStore(): SessionStore {
  const sessions = new Map<string, Session>();
  const familyOf = new Map<string, string>(); // digest of every refresh token handed out -> session id

  const issue = (session: Session): string => {
    const token = randomBytes(32).toString('base64url');
    session.current = digest(token);
    familyOf.set(session.current, session.id);
    return token;
  };

  return {
    start(userId) {
      const session: Session = { id: randomUUID(), userId, current: '', ended: false };
      sessions.set(session.id, session);
      return { sessionId: session.id, refreshToken: issue(session) };
    },
    rotate(refreshToken) {
      const hash = digest(refreshToken);
      const id = familyOf.get(hash);
      const session = id === undefined ? undefined : sessions.get(id);
      if (!session || session.ended) return undefined;
      if (session.current !== hash) {
        session.ended = true; // reuse: someone else holds a copy
        return undefined;
      }
      return { userId: session.userId, sessionId: session.id, refreshToken: issue(session) };
    },
    isActive(sessionId) {
      const session = sessions.get(sessionId);
      return Boolean(session && !session.ended);
    },
    end(sessionId) {
      const session = sessions.get(sessionId);
      if (session) session.ended = true;
    },
    endAll(userId) {
      for (const session of sessions.values()) if (session.userId === userId) session.ended = true;
    },
  };
}
