"""A small book API with a login (done for you). Your work is in logs.py.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise, and logs from LOG_LEVEL up (info if unset).
"""

import asyncio
import logging
import os

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from logs import request_logging, setup_logging

log = logging.getLogger("app")

BOOKS = {1: {"id": 1, "title": "Dune"}, 2: {"id": 2, "title": "Kindred"}, 3: {"id": 3, "title": "Neuromancer"}}
USERS = {"ada": "correct horse battery"}

app = FastAPI(title="Books")


async def errors_as_500(request: Request, call_next):
    """A route that raises is logged and answered 500 here, so request_logging sees a response."""
    try:
        return await call_next(request)
    except Exception:
        log.exception("unhandled error")
        return JSONResponse({"error": "Internal Server Error"}, status_code=500)


# The middleware added last runs first: request_logging is around everything.
app.middleware("http")(errors_as_500)
app.middleware("http")(request_logging)


@app.get("/api/books/{id}")
async def get_book(id: int):  # noqa: A002 (the route template says {id})
    log.debug("looking up book", extra={"fields": {"bookId": id}})
    book = BOOKS.get(id)
    if book is None:
        return JSONResponse({"error": f"No book {id}"}, status_code=404)
    return book


@app.post("/api/login")
async def login(request: Request):
    try:
        body = await request.json()
    except ValueError:
        body = None
    username = body.get("username") if isinstance(body, dict) else None
    password = body.get("password") if isinstance(body, dict) else None
    if isinstance(username, str) and USERS.get(username) == password:
        return {"username": username}
    log.warning("login failed", extra={"fields": {"username": username}})
    return JSONResponse({"error": "Invalid username or password"}, status_code=401)


@app.get("/api/slow")
async def slow(ms: float = 0):
    """Waits ?ms= milliseconds (0 to 5000) before answering."""
    ms = min(max(ms, 0), 5000)
    await asyncio.sleep(ms / 1000)
    return {"sleptMs": ms}


@app.get("/api/boom")
async def boom():
    """Fails on purpose: errors_as_500 answers 500."""
    raise RuntimeError("Something broke")


@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)


if __name__ == "__main__":
    setup_logging(os.environ.get("LOG_LEVEL", "info"))
    # log_config=None: uvicorn's own lines go through your logging setup too; no access log of its own.
    uvicorn.run(
        app,
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8000")),
        log_config=None,
        access_log=False,
    )
