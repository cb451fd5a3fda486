"""Server-side sessions behind a cookie that holds nothing but a long random id."""

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request, Response

COOKIE = "sid"


@dataclass
class Session:
    id: str
    data: dict[str, Any]


@dataclass
class _Entry:
    data: dict[str, Any]
    last_seen: float = field(default=0.0)


class Sessions:
    """Sessions in memory, by id.

    - load(request)                  -> the request's live Session, or None;
    - start(response, data)          -> a new Session holding data, its cookie set on response;
    - login(request, response, user) -> a NEW Session with the old one's data and the user; the old one is gone;
    - logout(request, response)      -> the session destroyed on the server, the cookie cleared.
    """

    def __init__(self, idle_seconds: float, secure: bool = False, now: Callable[[], float] = time.monotonic) -> None:
        self.idle_seconds = idle_seconds
        self.secure = secure
        self.now = now
        self.store: dict[str, _Entry] = {}

    def _attributes(self) -> str:
        return "Path=/; HttpOnly; SameSite=Lax" + ("; Secure" if self.secure else "")

    def load(self, request: Request) -> Session | None:
        sid = request.cookies.get(COOKIE)
        entry = self.store.get(sid) if sid else None
        if sid is None or entry is None:
            return None
        if self.now() - entry.last_seen > self.idle_seconds:
            del self.store[sid]
            return None
        entry.last_seen = self.now()  # sliding: each request restarts the idle clock
        return Session(sid, entry.data)

    def start(self, response: Response, data: dict[str, Any]) -> Session:
        # 32 bytes from the operating system's CSPRNG, as base64url: 43 characters nobody can guess.
        sid = secrets.token_urlsafe(32)
        self.store[sid] = _Entry(data=data, last_seen=self.now())
        response.headers["Set-Cookie"] = f"{COOKIE}={sid}; {self._attributes()}"
        return Session(sid, data)

    def login(self, request: Request, response: Response, user: str) -> Session:
        # Rotation: the id from before login (maybe planted by an attacker) dies here.
        old = self.load(request)
        if old is not None:
            del self.store[old.id]
        return self.start(response, {**(old.data if old else {}), "user": user})

    def logout(self, request: Request, response: Response) -> None:
        session = self.load(request)
        if session is not None:
            del self.store[session.id]
        response.headers["Set-Cookie"] = f"{COOKIE}=; Max-Age=0; {self._attributes()}"
