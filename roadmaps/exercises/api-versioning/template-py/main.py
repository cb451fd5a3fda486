"""The HTTP API (done for you):

    GET  /{version}/users/{id}   a user, in that version's shape (404 when there is none)
    POST /{version}/users        creates a user from that version's shape: 201 with Location (400)

{version} is looked up with resolve_version (versions.py): an unknown one is a 404. Users are
stored one way (givenName, familyName, email); each version presents and parses them.
Run it with `python main.py`: it listens on PORT (8000) and HOST (127.0.0.1).
"""

import json
import os
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from versions import resolve_version

app = FastAPI(title="Users")
users: dict[int, dict[str, Any]] = {
    1: {"id": 1, "givenName": "Ada", "familyName": "Lovelace", "email": "ada@example.com"},
}


def answer(version_name: str, path: str, status: int, value: Any, extra: dict[str, str] | None = None) -> JSONResponse:
    """Every answer under a known version carries that version's headers (Deprecation, for one)."""
    version = resolve_version(version_name)
    headers = {**(version.headers(path) if version else {}), **(extra or {})}
    return JSONResponse(value, status_code=status, headers=headers)


@app.get("/{version_name}/users/{user_id}")
async def get_user(version_name: str, user_id: int, request: Request) -> JSONResponse:
    path = request.url.path
    version = resolve_version(version_name)
    if version is None:
        return answer(version_name, path, 404, {"error": f'Unknown API version "{version_name}"'})
    user = users.get(user_id)
    if user is None:
        return answer(version_name, path, 404, {"error": f"User {user_id} not found"})
    return answer(version_name, path, 200, version.present(user))


@app.post("/{version_name}/users")
async def create_user(version_name: str, request: Request) -> JSONResponse:
    path = request.url.path
    version = resolve_version(version_name)
    if version is None:
        return answer(version_name, path, 404, {"error": f'Unknown API version "{version_name}"'})
    try:
        body = json.loads(await request.body())
    except ValueError:
        return answer(version_name, path, 400, {"error": "The body must be JSON"})
    fields, error = version.parse(body if isinstance(body, dict) else {})
    if error is not None or fields is None:
        return answer(version_name, path, 400, {"error": error})
    user = {"id": max(users) + 1, **fields}
    users[user["id"]] = user
    return answer(version_name, path, 201, version.present(user), {"Location": f"/{version_name}/users/{user['id']}"})


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
