"""require_auth(secret): a FastAPI dependency that lets a request through only with a valid
"Authorization: Bearer <token>".

On success the route gets the token's claims (sub, name, iat, exp, ...), as a dict.
On failure it raises HTTPException(401, ...) with a "WWW-Authenticate: Bearer" header; main.py turns
that into a JSON {"error": "..."}.
"""

from typing import Any

import jwt  # PyJWT
from fastapi import HTTPException, Request


def require_auth(secret: str):
    # TODO: raise a ValueError right here when secret is empty, so a misconfigured server fails at
    #       start-up instead of accepting or rejecting every request later.

    async def current_user(request: Request) -> dict[str, Any] | None:
        # TODO:
        # 1. Read the Authorization header. It must be exactly "Bearer <token>"; otherwise raise a 401.
        #    Only the header counts: a token in the URL (?access_token=...) is not accepted.
        # 2. Verify the token with jwt.decode(token, secret, algorithms=["HS256"]).
        #    It raises jwt.ExpiredSignatureError when the token expired, and another
        #    jwt.InvalidTokenError when it is badly signed, malformed, not valid yet or uses another
        #    algorithm.
        # 3. Valid: return the claims. Invalid: raise a 401; say "expired" in the error when that
        #    is the reason.
        # Every 401: HTTPException(401, "...", headers={"WWW-Authenticate": "Bearer"}).
        return None  # wrong: lets everyone in, as nobody

    return current_user
