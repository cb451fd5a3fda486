"""The HTTP API (done for you):

    POST /locks/{name}           acquires the lock: 200 {"name", "token", "ttlMs"}, or 409 when it is held
    POST /locks/{name}/release   {"token": "..."}: 200 {"released": true}, or 409 when that token does
                                 not hold the lock (expired, never held, someone else's)

Every answer is JSON; errors are {"error": "..."}. Names are 1 to 64 letters, digits, _ or -.

Run it with `python main.py`. Configuration comes from the environment:

    PORT, HOST         where to listen (8000, 127.0.0.1)
    REDIS_URL          the Redis to use (redis://127.0.0.1:6379)
    REDIS_KEY_PREFIX   put in front of every key: "br-check-1a2b:" -> "br-check-1a2b:lock:report"
    LOCK_TTL_MS        how long a lock lives unless it is released first (10000)
"""

import os
import re
import sys
from typing import Any

import redis
import uvicorn
from fastapi import Body, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from lock import Lock

NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")


def env(name: str, default: str) -> str:
    return os.environ.get(name) or default


# decode_responses=True: GET gives str (or None when the key does not exist), not bytes.
client = redis.Redis.from_url(env("REDIS_URL", "redis://127.0.0.1:6379"), decode_responses=True, socket_timeout=5)
ttl_ms = int(env("LOCK_TTL_MS", "10000"))
lock = Lock(client, key_prefix=env("REDIS_KEY_PREFIX", "") + "lock:", ttl_ms=ttl_ms)

app = FastAPI(title="Locks")


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


# Plain `def` routes: FastAPI runs them in a thread pool, so blocking Redis calls are fine here.
@app.post("/locks/{name}")
def acquire(name: str) -> Any:
    if not NAME.fullmatch(name):
        return error(400, "A lock name is 1 to 64 letters, digits, _ or -")
    token = lock.acquire(name)
    if token is None:
        return error(409, f"{name} is locked")
    return {"name": name, "token": token, "ttlMs": ttl_ms}


@app.post("/locks/{name}/release")
def release(name: str, body: Any = Body(None)) -> Any:
    if not NAME.fullmatch(name):
        return error(400, "A lock name is 1 to 64 letters, digits, _ or -")
    token = body.get("token") if isinstance(body, dict) else None
    if not isinstance(token, str) or token == "":
        return error(400, 'The body must be {"token": "..."}')
    if not lock.release(name, token):
        return error(409, f"This token does not hold {name}")
    return {"released": True}


# Errors as {"error": "..."}, like the rest of the API, instead of FastAPI's {"detail": ...}.
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


@app.exception_handler(RequestValidationError)
async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return error(400, f"{where}: {first['msg']}")


if __name__ == "__main__":
    try:
        client.ping()
    except redis.RedisError as err:
        sys.exit(f"Redis is not reachable at REDIS_URL ({err}). Start one, e.g. `redis-server`.")
    uvicorn.run(app, host=env("HOST", "127.0.0.1"), port=int(env("PORT", "8000")))
