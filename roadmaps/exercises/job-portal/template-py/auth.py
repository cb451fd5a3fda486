"""Who is asking, from the bearer token (milestone 1)."""

from collections.abc import Callable
from dataclasses import dataclass

import jwt
from fastapi import HTTPException, Request

_ = jwt  # jwt.decode(token, secret, algorithms=["HS256"]) verifies a token and returns its claims

ROLES = ("employer", "candidate")


@dataclass(frozen=True)
class User:
    id: str  # the token's "sub"
    role: str | None  # "employer", "candidate", or None when the token names neither


def unauthorized(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


def require_user(secret: str) -> Callable[[Request], User]:
    """A FastAPI dependency: the User of a request with `Authorization: Bearer <token>`, a JWT signed
    with `secret` (HS256), not expired, with a non-empty "sub". Anything else raises unauthorized(...)."""

    def current_user(request: Request) -> User:
        # TODO (milestone 1): read the Authorization header, verify the token, return
        #   User(id=<sub>, role=<role if it is one of ROLES, else None>).
        raise NotImplementedError("require_user is not written yet (milestone 1)")

    return current_user


def require_role(user: User, role: str) -> None:
    """403 unless the user has this role."""
    # TODO (milestone 1): raise HTTPException(403, ...) when user.role is not `role`.
    raise NotImplementedError("require_role is not written yet (milestone 1)")
