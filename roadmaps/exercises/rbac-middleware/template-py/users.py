"""Stand-in for real authentication (done for you; see the JWT exercise for the real thing).

It believes whatever the X-User and X-Role headers say, so it is only for tests and demos. Its one
job is to tell the routes who is asking: a User, or None when there is no X-User header.
"""

from dataclasses import dataclass

from fastapi import Request


@dataclass(frozen=True)
class User:
    name: str
    role: str | None  # None when there was no X-Role header; "" when it was empty


def current_user(request: Request) -> User | None:
    name = request.headers.get("x-user")
    if not name:
        return None  # no X-User, no user: X-Role alone does not make anyone a user
    return User(name=name, role=request.headers.get("x-role"))
