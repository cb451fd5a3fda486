"""The authentication service. GET /health and the error handlers are done; the routes come with the
milestones.

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
DECOY = hash_password("not-anyone-s-password")
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
    """Milestone 1: (email trimmed and lower-cased, password), or what is wrong."""
    if not isinstance(body, dict):
        return "send a JSON object"
    email, password = body.get("email"), body.get("password")
    if not isinstance(email, str) or not EMAIL.match(email.strip()):
        return "email must be an email address"
    if not isinstance(password, str) or not 8 <= len(password) <= 128:
        return "password must be a string of 8 to 128 characters"
    return email.strip().lower(), password


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


@app.post("/auth/register")
async def register(request: Request) -> JSONResponse:
    checked = read_registration(await json_body(request))
    if isinstance(checked, str):
        return error(400, checked)
    email, password = checked
    if users.find_by_email(email) is not None:
        return error(409, "that email is already registered")
    role = "admin" if email in ADMIN_EMAILS else "user"
    user = users.insert(email, hash_password(password), role)
    return JSONResponse(public_user(user), status_code=201)


@app.post("/auth/login")
async def login(request: Request) -> JSONResponse:
    body = await json_body(request)
    email = body.get("email") if isinstance(body, dict) else None
    password = body.get("password") if isinstance(body, dict) else None
    if not isinstance(email, str) or not isinstance(password, str):
        return error(400, 'send {"email": "...", "password": "..."}')
    account = email.strip().lower()
    ip = request.client.host if request.client else "unknown"
    wait = max(by_account.retry_after(account), by_ip.retry_after(ip))
    if wait > 0:
        return error(429, f"too many failed logins; try again in {wait} s", {"Retry-After": str(wait)})
    user = users.find_by_email(account)
    ok = verify_password(password, user["passwordHash"] if user else DECOY)
    if user is None or not ok:
        by_account.fail(account)
        by_ip.fail(ip)
        return error(401, "wrong email or password")
    by_account.reset(account)
    session_id, refresh_token = sessions.start(user["id"])
    return JSONResponse({"user": public_user(user), **tokens(user["id"], session_id, refresh_token)})


@app.post("/auth/refresh")
async def refresh(request: Request) -> JSONResponse:
    body = await json_body(request)
    token = body.get("refreshToken") if isinstance(body, dict) else None
    if not isinstance(token, str) or token == "":
        return error(400, 'send {"refreshToken": "..."}')
    rotated = sessions.rotate(token)
    if rotated is None or users.get(rotated[0]) is None:
        return error(401, "the refresh token is not valid; log in again")
    return JSONResponse(tokens(*rotated))


@app.get("/me")
async def me(principal: Principal = Depends(current)) -> dict[str, Any]:
    return public_user(principal[0])


@app.post("/auth/logout", status_code=204)
async def logout(principal: Principal = Depends(current)) -> Response:
    sessions.end(principal[1])
    return Response(status_code=204)


@app.post("/auth/logout-all", status_code=204)
async def logout_all(principal: Principal = Depends(current)) -> Response:
    sessions.end_all(principal[0]["id"])
    return Response(status_code=204)


@app.get("/admin/users")
async def admin_users(principal: Principal = Depends(admin)) -> dict[str, Any]:
    return {"data": [public_user(u) for u in users.all()]}


# FastAPI answers its own errors (an unknown route, a wrong method) as {"detail": ...}; this service
# promises {"error": "..."}. The headers of an HTTPException (WWW-Authenticate) are kept.
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return error(exc.status_code, str(exc.detail), dict(exc.headers or {}))


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
