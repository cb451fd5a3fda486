"""Milestone 5: who is asking, from a bearer token."""

import re
from collections.abc import Awaitable, Callable

import jwt
from fastapi import HTTPException, Request

_BEARER = re.compile(r"^Bearer (\S+)$")


def require_user(secret: str) -> Callable[[Request], Awaitable[str]]:
    """A FastAPI dependency: the user id (the token's "sub") of a request with
    `Authorization: Bearer <token>`, a JWT signed with `secret` (HS256), not expired, with a non-empty
    sub. Anything else raises HTTPException(401, ..., headers={"WWW-Authenticate": "Bearer"})."""

    def refuse(message: str) -> HTTPException:
        return HTTPException(status_code=401, detail=message, headers={"WWW-Authenticate": "Bearer"})

    async def current_user(request: Request) -> str:
        match = _BEARER.match(request.headers.get("authorization", ""))
        if not match:
            raise refuse("send Authorization: Bearer <token>")
        try:
            # Only the algorithm the server signs with: never "none", never one the token picks.
            claims = jwt.decode(match.group(1), secret, algorithms=["HS256"])
        except jwt.PyJWTError:
            raise refuse("the token is not valid") from None
        sub = claims.get("sub")
        if not isinstance(sub, str) or not sub:
            raise refuse("the token names no user")
        return sub

    return current_user
