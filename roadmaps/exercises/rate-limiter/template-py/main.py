"""The app (done for you): /health, /api/hello limited per client IP, /login limited per username.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise. RATE_LIMIT_WINDOW_MS (10000 if unset) and
RATE_LIMIT_MAX (5 if unset) set both limiters: RATE_LIMIT_MAX requests per window and key.
"""

import os

import uvicorn
from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ratelimit import RateLimiter

WINDOW_MS = int(os.environ.get("RATE_LIMIT_WINDOW_MS", "10000"))
LIMIT = int(os.environ.get("RATE_LIMIT_MAX", "5"))

# A stand-in for a real user table, so the login limiter has something to protect.
DEMO_USERS = {"ada": "correct horse battery"}


async def by_client_ip(request: Request) -> str:
    # The address of the connection itself. uvicorn runs with proxy_headers=False (below), so a
    # client cannot choose it with an X-Forwarded-For header.
    return request.client.host if request.client else "unknown"


async def by_username(request: Request) -> str:
    # Login attempts count per account, whatever address they come from. A body without a
    # username falls back to the client IP.
    try:
        body = await request.json()
    except ValueError:
        body = None
    username = body.get("username") if isinstance(body, dict) else None
    return f"user:{username}" if isinstance(username, str) else f"ip:{await by_client_ip(request)}"


api_limit = RateLimiter(window_ms=WINDOW_MS, limit=LIMIT, key=by_client_ip)
login_limit = RateLimiter(window_ms=WINDOW_MS, limit=LIMIT, key=by_username)

app = FastAPI(title="Rate limits")


# Health checks come from your own load balancer: keep them outside the limit.
@app.get("/health")
async def health() -> dict[str, bool]:
    return {"ok": True}


# Every route of this router runs api_limit first.
api = APIRouter(prefix="/api", dependencies=[Depends(api_limit)])


@api.get("/hello")
async def hello() -> dict[str, str]:
    return {"message": "hello"}


app.include_router(api)


@app.post("/login", dependencies=[Depends(login_limit)])
async def login(request: Request, response: Response) -> dict[str, str]:
    try:
        body = await request.json()
    except ValueError:
        body = None
    username = body.get("username") if isinstance(body, dict) else None
    password = body.get("password") if isinstance(body, dict) else None
    if isinstance(username, str) and DEMO_USERS.get(username) == password:
        return {"username": username}
    # Set the status on `response` rather than raising HTTPException(401): an exception's answer
    # would lose the RateLimit headers the limiter put on `response`.
    response.status_code = 401
    return {"error": "Invalid username or password"}


# FastAPI answers errors as {"detail": ...}; this API promises {"error": "..."} instead, with the
# exception's headers (Retry-After on a 429) kept.
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


if __name__ == "__main__":
    uvicorn.run(
        app,
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8000")),
        # uvicorn trusts X-Forwarded-For from 127.0.0.1 by default, and would then report the
        # address a client wrote in that header. There is no proxy in front of this app.
        proxy_headers=False,
    )
