"""The app (done for you): a few routes that fail on purpose, in the ways real code fails.

You should not need to change this file: your work is in errors.py. Run it with `python main.py`:
it listens on the port in the PORT environment variable (8000 if unset), on 127.0.0.1 unless HOST
says otherwise.
"""

import os
from typing import Any

import uvicorn
from fastapi import Body, Depends, FastAPI, HTTPException, Request

from errors import HttpError, install_error_handlers

app = FastAPI(title="Books")

books: dict[int, dict[str, Any]] = {1: {"id": 1, "title": "Release It!"}}


async def query_database() -> Any:
    """A pretend database call that fails the way real ones do: with a message full of internals."""
    raise ConnectionRefusedError("connect ECONNREFUSED 10.0.0.3:5432 (user=app password=hunter2)")


async def limit_body(request: Request) -> None:
    """Refuses bodies over 1 kB (a tiny limit, so the "too large" case is easy to try)."""
    if len(await request.body()) > 1024:
        raise HTTPException(413, "The body is larger than the 1 kB limit")


# An HttpError raised in an async route.
@app.get("/books/{book_id}")
async def get_book(book_id: str) -> dict[str, Any]:
    book = books.get(int(book_id)) if book_id.isdigit() else None
    if book is None:
        raise HttpError(404, f"Book {book_id} not found", code="book_not_found")
    return book


# FastAPI parses the JSON body before this code runs: a body that is not JSON never gets here.
@app.post("/books", status_code=201, dependencies=[Depends(limit_body)])
async def create_book(body: Any = Body(None)) -> dict[str, Any]:
    title = body.get("title") if isinstance(body, dict) else None
    if not isinstance(title, str) or title == "":
        raise HttpError(400, '"title" is required and must be a non-empty string', code="validation_failed")
    book = {"id": max(books) + 1, "title": title}
    books[book["id"]] = book
    return book


# A bug: a plain exception whose message must never reach the client. (A plain `def` route: FastAPI
# runs it in a worker thread, and its errors arrive at the same handlers.)
@app.get("/crash")
def crash() -> None:
    raise RuntimeError("db password is hunter2")


# The same from an async route: an awaited call that fails.
@app.get("/async-crash")
async def async_crash() -> Any:
    return await query_database()


# A deliberate 5xx: its status is meant for the client, its message is not.
@app.get("/maintenance")
async def maintenance() -> None:
    raise HttpError(503, "redis at 10.0.0.5:6379 is down", code="upstream_unavailable")


install_error_handlers(app)


if __name__ == "__main__":
    uvicorn.run(
        app,
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8000")),
    )
