"""The to-do API. GET /health is done; the /todos routes are TODOs, marked with their milestone.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise, and (milestone 5) checks tokens with JWT_SECRET.
"""

import os
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from store import Store

# Milestone 3: from validation import validate_new_todo, validate_changes
# Milestone 4: from validation import parse_list_query
# Milestone 5: from auth import require_user

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


# TODO (milestone 1): POST /todos with {"title": "..."}: store {"id": store.next_id(), "title": ...,
#   "done": False, "createdAt": <UTC now as ISO 8601 with a Z>}, answer 201 with public_todo(...) and a
#   Location header /todos/<id>. Read the body with `await request.json()`.

# TODO (milestone 1): GET /todos: 200 {"data": [every to-do, oldest first]}.
#   Milestone 4 adds done, limit and offset, and total, limit and offset beside data.

# TODO (milestone 1): GET /todos/{todo_id}: 200 with the to-do, or 404 {"error": "..."}.
#   Take todo_id as a str and turn it into an int yourself: "abc" is simply not found.

# TODO (milestone 2): PATCH /todos/{todo_id} (only the keys given) and DELETE /todos/{todo_id} (204).

# TODO (milestone 3): a body that is not JSON answers 400 {"error": "..."}, not a 500.

# TODO (milestone 5): every /todos route needs a user: current_user = require_user(SECRET), and
#   `user: str = Depends(current_user)` as a parameter of each /todos route.


# FastAPI answers its own errors (an unknown route, a wrong method) as {"detail": ...}; this API
# promises {"error": "..."}. The headers of an HTTPException (WWW-Authenticate) are kept.
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return error(exc.status_code, str(exc.detail), dict(exc.headers or {}))


_ = Response  # for DELETE's 204 with no body

if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
