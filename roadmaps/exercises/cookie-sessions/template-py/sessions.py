"""Sessions behind a cookie. This works, and it is unsafe in five ways (README, "Steps"): the ids can
be guessed, the cookie is readable from JavaScript and sent cross-site, the id survives login, logout
forgets nothing on the server, and sessions never expire."""

import itertools
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
    - login(request, response, user) -> the Session, now holding the user as well;
    - logout(request, response)      -> the cookie cleared.
    """

    def __init__(self, idle_seconds: float, secure: bool = False, now: Callable[[], float] = time.monotonic) -> None:
        self.idle_seconds = idle_seconds
        self.secure = secure
        self.now = now
        self.store: dict[str, _Entry] = {}
        self._counter = itertools.count(1)
        _ = secrets

    def _set_cookie(self, response: Response, sid: str) -> None:
        # TODO 2: the cookie's attributes: Path=/, HttpOnly, SameSite=Lax, and Secure when self.secure.
        response.headers["Set-Cookie"] = f"{COOKIE}={sid}"

    def load(self, request: Request) -> Session | None:
        sid = request.cookies.get(COOKIE)
        entry = self.store.get(sid) if sid else None
        if sid is None or entry is None:
            return None
        # TODO 3: a session idle for more than self.idle_seconds (self.now() - entry.last_seen) is
        #         deleted and treated as absent; a live one gets last_seen = self.now().
        return Session(sid, entry.data)

    def start(self, response: Response, data: dict[str, Any]) -> Session:
        # TODO 1: ids nobody can guess: secrets.token_urlsafe(32) (32 random bytes, base64url).
        sid = str(next(self._counter))
        self.store[sid] = _Entry(data=data, last_seen=self.now())
        self._set_cookie(response, sid)
        return Session(sid, data)

    def login(self, request: Request, response: Response, user: str) -> Session:
        # TODO 4: rotation. Start a NEW session holding the old one's data and the user, and delete
        #         the old one, so an id known before login (maybe planted by an attacker) is worth nothing.
        session = self.load(request) or self.start(response, {})
        session.data["user"] = user
        return session

    def logout(self, request: Request, response: Response) -> None:
        # TODO 5: delete the session on the server too; clearing the cookie only asks the browser
        #         to forget it, and a copy of the id would still work.
        response.headers["Set-Cookie"] = f"{COOKIE}=; Max-Age=0; Path=/"
