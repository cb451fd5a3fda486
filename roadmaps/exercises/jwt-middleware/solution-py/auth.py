"""require_auth(secret): a FastAPI dependency that lets a request through only with a valid
"Authorization: Bearer <token>".

On success the route gets the token's claims (sub, name, iat, exp, ...), as a dict.
On failure it raises HTTPException(401, ...) with a "WWW-Authenticate: Bearer" header; main.py turns
that into a JSON {"error": "..."}.
"""

from typing import Any

import jwt  # PyJWT
from fastapi import HTTPException, Request


def unauthorized(message: str, token_sent: bool = False) -> HTTPException:
    # RFC 6750: every 401 names the scheme; error="invalid_token" once a token was actually sent.
    challenge = 'Bearer error="invalid_token"' if token_sent else "Bearer"
    return HTTPException(401, message, headers={"WWW-Authenticate": challenge})


def require_auth(secret: str):
    if not secret:
        raise ValueError("require_auth needs a secret to verify tokens")

    async def current_user(request: Request) -> dict[str, Any] | None:
        header = request.headers.get("authorization")
        if header is None:
            raise unauthorized("no Authorization header")
        scheme, _, token = header.partition(" ")
        # One scheme, one space, one token: "Bearer", "Bearer a b" and a bare token are all malformed.
        # Scheme names ignore letter case (RFC 7235).
        if scheme.lower() != "bearer" or not token or any(c.isspace() for c in token):
            raise unauthorized('expected "Authorization: Bearer <token>"')
        try:
            # algorithms is the list the server accepts; the token's own "alg" does not get a say.
            claims = jwt.decode(token, secret, algorithms=["HS256"])
        except jwt.ExpiredSignatureError:
            raise unauthorized("token expired", token_sent=True) from None
        except jwt.InvalidTokenError:
            raise unauthorized("invalid token", token_sent=True) from None
        return claims

    return current_user
