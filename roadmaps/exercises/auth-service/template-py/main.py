"""The authentication service. GET /health and the error handlers are done; the routes are TODOs,
marked with their milestone.

Run it with `python main.py`: it listens on PORT (8000 if unset), on 127.0.0.1 unless HOST says
otherwise, and reads JWT_SECRET, ACCESS_TOKEN_SECONDS, LOGIN_WINDOW_SECONDS and ADMIN_EMAILS.
"""

import os
import re
from typing import Any

import uvicorn
from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from auth import Principal, require_auth, require_role
from limiter import Limiter
from passwords import hash_password, verify_password
from tokens import SessionStore, sign_access_token
from users import UserStore

# A real secret comes from configuration, never the code; the fallback is for trying it by hand only.
SECRET = os.environ.get("JWT_SECRET") or "dev-only-secret-change-me-0123456789abcdef"
ACCESS_TOKEN_SECONDS = int(os.environ.get("ACCESS_TOKEN_SECONDS") or 900)
LOGIN_WINDOW_SECONDS = int(os.environ.get("LOGIN_WINDOW_SECONDS") or 900)
ADMIN_EMAILS = {e.strip().lower() for e in os.environ.get("ADMIN_EMAILS", "").split(",") if e.strip()}
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_IP = 20

app = FastAPI(title="Authentication service")
users = UserStore()
sessions = SessionStore()
by_account = Limiter(MAX_FAILURES_PER_ACCOUNT, LOGIN_WINDOW_SECONDS)
by_ip = Limiter(MAX_FAILURES_PER_IP, LOGIN_WINDOW_SECONDS)
current = require_auth(SECRET, users, sessions)
admin = require_role("admin", current)
# Checked against when the email is unknown, so an unknown email costs as long as a wrong password.
DECOY = ""  # TODO (milestone 1): hash_password("not-anyone-s-password"), once it works
_ = (Depends, Response, verify_password, by_account, by_ip)  # used by the TODOs below
EMAIL = re.compile(r"^[^\s@]+@[^\s@]+\.[^\s@]+$")


def public_user(user: dict[str, Any]) -> dict[str, Any]:
    """What a client sees of a user: never the password hash."""
    return {"id": user["id"], "email": user["email"], "role": user["role"]}


def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """Every error answers {"error": "..."}."""
    return JSONResponse({"error": message}, status_code=status, headers=headers)


async def json_body(request: Request) -> Any:
    """The body as JSON, or None when it is not JSON at all."""
    try:
        return await request.json()
    except ValueError:
        return None


def read_registration(body: Any) -> tuple[str, str] | str:
    """Milestone 1: (email trimmed and lower-cased, password of 8 to 128 characters), or what is wrong."""
    # TODO (milestone 1): a dict with a string "email" (something, one @, something with a dot in
    #   it) and a string "password"; other keys are ignored.
    return "registration is not written yet (milestone 1)"


def tokens(user_id: int, session_id: str, refresh_token: str) -> dict[str, Any]:
    return {
        "accessToken": sign_access_token(SECRET, user_id, session_id, ACCESS_TOKEN_SECONDS),
        "refreshToken": refresh_token,
        "tokenType": "Bearer",
        "expiresIn": ACCESS_TOKEN_SECONDS,
    }


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


# TODO (milestone 1): POST /auth/register {"email", "password"}: 400 {"error"} when read_registration
#   refuses, 409 when the email is taken; store users.insert(email, hash_password(password), role)
#   (role "admin" when ADMIN_EMAILS has the email, else "user"); 201 with public_user(user).

# TODO (milestone 1): POST /auth/login {"email", "password"}: 400 unless both are strings; 401 {"error"}
#   for an unknown email and for a wrong password alike; 200 {"user": public_user(user)}.
#   Milestone 2 adds accessToken, refreshToken, tokenType "Bearer" and expiresIn (tokens(...) below)
#   from a new session (sessions.start(user["id"])).
#   Milestone 4: before checking the password, 429 with Retry-After while the account (the email)
#   or the IP (request.client.host) must wait; count each failure for both; a success clears the
#   account's count.

# TODO (milestone 2): POST /auth/refresh {"refreshToken"}: 400 unless a non-empty string; 401 when
#   sessions.rotate refuses it; else 200 {accessToken, refreshToken, tokenType, expiresIn}.

# TODO (milestone 2): GET /me with `principal: Principal = Depends(current)`: 200 public_user(user).

# TODO (milestone 3): POST /auth/logout ends this session (principal[1]), POST /auth/logout-all every
#   session of the user; both depend on `current`, both answer 204 with no body.

# TODO (milestone 5): GET /admin/users with `principal: Principal = Depends(admin)`:
#   200 {"data": [every user, as public_user]}.


# FastAPI answers its own errors (an unknown route, a wrong method) as {"detail": ...}; this service
# promises {"error": "..."}. The headers of an HTTPException (WWW-Authenticate) are kept.
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return error(exc.status_code, str(exc.detail), dict(exc.headers or {}))


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
