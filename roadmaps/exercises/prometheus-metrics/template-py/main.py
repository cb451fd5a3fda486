"""A small book API to measure (done for you). Your work is in metrics.py.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise.
"""

import asyncio
import logging
import os

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from metrics import metrics_endpoint, metrics_middleware

BOOKS = {1: {"id": 1, "title": "Dune"}, 2: {"id": 2, "title": "Kindred"}, 3: {"id": 3, "title": "Neuromancer"}}

app = FastAPI(title="Books")



async def errors_as_500(request: Request, call_next):
    """A route that raises is answered 500 {"error": ...} here, so the middleware around it sees a
    response (an exception would reach the server, which then drops the connection)."""
    try:
        return await call_next(request)
    except Exception:
        logging.exception("%s %s failed", request.method, request.url.path)
        return JSONResponse({"error": "Internal Server Error"}, status_code=500)


# The middleware added last runs first: metrics_middleware is around everything, /metrics and
# errors_as_500 included.
app.middleware("http")(errors_as_500)
app.middleware("http")(metrics_middleware)
app.add_api_route("/metrics", metrics_endpoint, methods=["GET"])


@app.get("/api/books/{id}")
async def get_book(id: int):  # noqa: A002 (the route template says {id})
    book = BOOKS.get(id)
    if book is None:
        return JSONResponse({"error": f"No book {id}"}, status_code=404)
    return book


@app.post("/api/books")
async def add_book(request: Request):
    try:
        body = await request.json()
    except ValueError:
        body = None
    title = body.get("title") if isinstance(body, dict) else None
    if not isinstance(title, str) or not title.strip():
        return JSONResponse({"error": "title is required"}, status_code=400)
    book = {"id": len(BOOKS) + 1, "title": title}
    BOOKS[book["id"]] = book
    return JSONResponse(book, status_code=201)


@app.get("/api/slow")
async def slow(ms: float = 0):
    """Waits ?ms= milliseconds (0 to 5000) before answering: something slow to measure."""
    ms = min(max(ms, 0), 5000)
    await asyncio.sleep(ms / 1000)
    return {"sleptMs": ms}


@app.get("/api/boom")
async def boom():
    """Fails on purpose: errors_as_500 answers 500."""
    raise RuntimeError("Something broke")


# Errors as {"error": "..."}, such as the 404 for a path that no route matches.
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")), access_log=False)
