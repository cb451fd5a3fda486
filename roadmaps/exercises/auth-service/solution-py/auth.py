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
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme != "Bearer" or not token or " " in token:
            raise _refuse("send Authorization: Bearer <access token>")
        claims = verify_access_token(secret, token)
        if claims is None:
            raise _refuse("the access token is not valid")
        user_id, session_id = claims
        if not sessions.is_active(session_id):
            raise _refuse("this session has ended; log in again")
        user = users.get(user_id)
        if user is None:
            raise _refuse("the access token is not valid")
        return user, session_id

    return current


def require_role(role: str, current: Callable[[Request], Awaitable[Principal]]) -> Callable[..., Awaitable[Principal]]:
    """Milestone 5: like `current`, and then 403 unless the user has this role."""

    async def with_role(principal: Principal = Depends(current)) -> Principal:
        if principal[0]["role"] != role:
            raise HTTPException(403, f"only {role}s may do this")
        return principal

    return with_role
