"""Who is asking (milestones 2 and 3) and what they may do (milestone 5)."""

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Depends, HTTPException, Request

from tokens import SessionStore, verify_access_token
from users import UserStore

Principal = tuple[dict[str, Any], str]  # (the stored user, the session id)


def _refuse(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


def require_auth(secret: str, users: UserStore, sessions: SessionStore) -> Callable[[Request], Awaitable[Principal]]:
    """A FastAPI dependency: (user, session id) for `Authorization: Bearer <access token>` that is
    valid, of a user that exists, in a session that has not ended; otherwise 401."""

    async def current(request: Request) -> Principal:
        # TODO (milestone 2): the header, verify_access_token, users.get; raise _refuse(...) for
        #   anything wrong. Milestone 3: also refuse a session that is not sessions.is_active.
        raise NotImplementedError("require_auth is not written yet (milestone 2)")

    return current


def require_role(role: str, current: Callable[[Request], Awaitable[Principal]]) -> Callable[..., Awaitable[Principal]]:
    """Milestone 5: like `current`, and then 403 unless the user has this role."""

    async def with_role(principal: Principal = Depends(current)) -> Principal:
        # TODO (milestone 5): HTTPException(403, ...) unless principal[0]["role"] == role.
        raise NotImplementedError("require_role is not written yet (milestone 5)")

    return with_role
