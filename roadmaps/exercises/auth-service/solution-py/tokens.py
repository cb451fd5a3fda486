"""Milestones 2 and 3: access tokens (JWTs) and sessions of rotating refresh tokens."""

import hashlib
import secrets
import time
import uuid
from dataclasses import dataclass

import jwt


def sign_access_token(secret: str, user_id: int, session_id: str, seconds: int) -> str:
    """A short-lived HS256 access token: sub is the user id (a string), sid the session."""
    now = int(time.time())
    claims = {"sub": str(user_id), "sid": session_id, "iat": now, "exp": now + seconds}
    return jwt.encode(claims, secret, algorithm="HS256")


def verify_access_token(secret: str, token: str) -> tuple[int, str] | None:
    """(user id, session id) from a valid access token, or None."""
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"], options={"require": ["exp", "sub"]})
    except jwt.PyJWTError:
        return None
    sub, sid = claims.get("sub"), claims.get("sid")
    if not isinstance(sub, str) or not sub.isdigit() or not isinstance(sid, str):
        return None
    return int(sub), sid


def _digest(token: str) -> str:
    # Only a hash of each refresh token is kept: a leaked store hands out no working tokens.
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class Session:
    id: str
    user_id: int
    current: str = ""
    ended: bool = False


class SessionStore:
    """One session per login, each a family of refresh tokens where only the newest is valid. Showing
    an older one again means it was copied: the whole session ends."""

    def __init__(self) -> None:
        self._sessions: dict[str, Session] = {}
        self._family_of: dict[str, str] = {}  # digest of every refresh token handed out -> session id

    def _issue(self, session: Session) -> str:
        token = secrets.token_urlsafe(32)
        session.current = _digest(token)
        self._family_of[session.current] = session.id
        return token

    def start(self, user_id: int) -> tuple[str, str]:
        """Milestone 2: a new session for the user: (session id, first refresh token)."""
        session = Session(id=str(uuid.uuid4()), user_id=user_id)
        self._sessions[session.id] = session
        return session.id, self._issue(session)

    def rotate(self, refresh_token: str) -> tuple[int, str, str] | None:
        """Milestone 2: (user id, session id, new refresh token), or None."""
        digest = _digest(refresh_token)
        session = self._sessions.get(self._family_of.get(digest, ""))
        if session is None or session.ended:
            return None
        if session.current != digest:
            session.ended = True  # reuse: someone else holds a copy
            return None
        return session.user_id, session.id, self._issue(session)

    def is_active(self, session_id: str) -> bool:
        """Milestone 3."""
        session = self._sessions.get(session_id)
        return session is not None and not session.ended

    def end(self, session_id: str) -> None:
        """Milestone 3."""
        session = self._sessions.get(session_id)
        if session is not None:
            session.ended = True

    def end_all(self, user_id: int) -> None:
        """Milestone 3."""
        for session in self._sessions.values():
            if session.user_id == user_id:
                session.ended = True
