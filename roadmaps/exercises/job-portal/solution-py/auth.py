"""Who is asking, from the bearer token (milestone 1)."""

from collections.abc import Callable
from dataclasses import dataclass

import jwt
from fastapi import HTTPException, Request

ROLES = ("employer", "candidate")


@dataclass(frozen=True)
class User:
    id: str  # the token's "sub"
    role: str | None  # "employer", "candidate", or None when the token names neither


def unauthorized(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


def require_user(secret: str) -> Callable[[Request], User]:
    """A FastAPI dependency: the User of a request with `Authorization: Bearer <token>`, a JWT signed
    with `secret` (HS256), not expired, with a non-empty "sub". Anything else raises 401."""

    def current_user(request: Request) -> User:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise unauthorized("Send Authorization: Bearer <token>")
        try:
            # algorithms is a list of what is accepted: a token that says "none" or RS256 is refused.
            claims = jwt.decode(token, secret, algorithms=["HS256"])
        except jwt.PyJWTError as err:
            raise unauthorized(f"Invalid token: {err}") from None
        sub = claims.get("sub")
        if not isinstance(sub, str) or not sub:
            raise unauthorized("The token names no user (sub)")
        role = claims.get("role")
        # The role comes from the signed token only, never from the request body.
        return User(id=sub, role=role if role in ROLES else None)

    return current_user


def require_role(user: User, role: str) -> None:
    """403 unless the user has this role: who they are is known, they just may not do this."""
    if user.role != role:
        raise HTTPException(403, f"This needs the {role} role")
