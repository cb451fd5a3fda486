"""The to-do API. GET /health is done; the /todos routes are TODOs, marked with their milestone.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise, and (milestone 5) checks tokens with JWT_SECRET.
"""

import os
from typing import Any

import json
from datetime import datetime, timezone

import uvicorn
from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from store import Store

from auth import require_user
from validation import parse_list_query, validate_changes, validate_new_todo

# A real secret comes from configuration, never the code; the fallback is for trying it by hand only.
SECRET = os.environ.get("JWT_SECRET") or "dev-only-secret-change-me-0123456789abcdef"

app = FastAPI(title="To-do API")
store = Store()


def public_todo(todo: dict[str, Any]) -> dict[str, Any]:
    """What a client sees of a to-do: exactly these four keys, whatever else the store keeps."""
    return {"id": todo["id"], "title": todo["title"], "done": todo["done"], "createdAt": todo["createdAt"]}


def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """Every error answers {"error": "..."}."""
    return JSONResponse({"error": message}, status_code=status, headers=headers)


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


current_user = require_user(SECRET)


async def read_json(request: Request) -> tuple[Any, str | None]:
    """The body as JSON, or the words of a 400 when it is not JSON at all."""
    try:
        return await request.json(), None
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None, "the body must be valid JSON"


def own(todo_id: str, user: str) -> dict[str, Any] | None:
    """The user's to-do with this id; someone else's is, for this user, not there at all."""
    todo = store.get(int(todo_id)) if todo_id.isascii() and todo_id.isdigit() else None
    return todo if todo is not None and todo["owner"] == user else None


@app.post("/todos")
async def create_todo(request: Request, user: str = Depends(current_user)) -> JSONResponse:
    body, problem = await read_json(request)
    checked, problem = (None, problem) if problem else validate_new_todo(body)
    if checked is None:
        return error(400, problem or "bad request")
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    todo = store.insert({"id": store.next_id(), **checked, "createdAt": now, "owner": user})
    return JSONResponse(public_todo(todo), status_code=201, headers={"Location": f"/todos/{todo['id']}"})


@app.get("/todos")
async def list_todos(request: Request, user: str = Depends(current_user)) -> JSONResponse:
    query, problem = parse_list_query(dict(request.query_params))
    if query is None:
        return error(400, problem or "bad request")
    done, limit, offset = query["done"], query["limit"], query["offset"]
    matching = [t for t in store.all() if t["owner"] == user and (done is None or t["done"] == done)]
    page = [public_todo(t) for t in matching[offset : offset + limit]]
    return JSONResponse({"data": page, "total": len(matching), "limit": limit, "offset": offset})


@app.get("/todos/{todo_id}")
async def get_todo(todo_id: str, user: str = Depends(current_user)) -> JSONResponse:
    todo = own(todo_id, user)
    if todo is None:
        return error(404, f"to-do {todo_id} not found")
    return JSONResponse(public_todo(todo))


@app.patch("/todos/{todo_id}")
async def update_todo(todo_id: str, request: Request, user: str = Depends(current_user)) -> JSONResponse:
    todo = own(todo_id, user)
    if todo is None:
        return error(404, f"to-do {todo_id} not found")
    body, problem = await read_json(request)
    changes, problem = (None, problem) if problem else validate_changes(body)
    if changes is None:
        return error(400, problem or "bad request")
    todo.update(changes)
    return JSONResponse(public_todo(todo))


@app.delete("/todos/{todo_id}", response_model=None)
async def delete_todo(todo_id: str, user: str = Depends(current_user)) -> Response:
    todo = own(todo_id, user)
    if todo is None:
        return error(404, f"to-do {todo_id} not found")
    store.remove(todo["id"])
    return Response(status_code=204)


# FastAPI answers its own errors (an unknown route, a wrong method) as {"detail": ...}; this API
# promises {"error": "..."}. The headers of an HTTPException (WWW-Authenticate) are kept.
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return error(exc.status_code, str(exc.detail), dict(exc.headers or {}))


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
