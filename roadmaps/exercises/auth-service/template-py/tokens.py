"""Milestones 2 and 3: access tokens (JWTs) and sessions of rotating refresh tokens."""

import hashlib
import secrets
import time
import uuid
from dataclasses import dataclass

import jwt

_ = (time, uuid, jwt)


def sign_access_token(secret: str, user_id: int, session_id: str, seconds: int) -> str:
    """A short-lived HS256 access token: sub is the user id (a string), sid the session."""
    # TODO (milestone 2): jwt.encode({"sub": str(user_id), "sid": session_id, "iat": now,
    #   "exp": now + seconds}, secret, algorithm="HS256") with now = int(time.time()).
    raise NotImplementedError("sign_access_token is not written yet (milestone 2)")


def verify_access_token(secret: str, token: str) -> tuple[int, str] | None:
    """(user id, session id) from a valid access token, or None."""
    # TODO (milestone 2): jwt.decode(token, secret, algorithms=["HS256"]) raises jwt.PyJWTError for a
    #   bad or expired token; require a string sub of digits and a string sid.
    return None


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
        # TODO (milestone 2): a Session with a random id (uuid.uuid4()) and its first token (self._issue).
        raise NotImplementedError("sessions.start is not written yet (milestone 2)")

    def rotate(self, refresh_token: str) -> tuple[int, str, str] | None:
        """Milestone 2: (user id, session id, new refresh token), or None."""
        # TODO (milestone 2): an older token of a live session is a reuse: end the session, answer None.
        return None

    def is_active(self, session_id: str) -> bool:
        """Milestone 3."""
        # TODO (milestone 3)
        return True

    def end(self, session_id: str) -> None:
        """Milestone 3."""
        # TODO (milestone 3)

    def end_all(self, user_id: int) -> None:
        """Milestone 3."""
        # TODO (milestone 3)