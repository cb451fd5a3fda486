"""POST /register and POST /login, with the users kept in memory, plus the admin routes.

A user is stored as {"username": "ada", "password_hash": "$2b$12$..."}: never the password itself.
"""

import asyncio
import hmac
import os
import re
import secrets
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response

from passwords import DEFAULT_COST, MAX_BYTES, hash_password, needs_rehash, verify_password

router = APIRouter()

users: dict[str, dict[str, str]] = {}  # username -> {"username", "password_hash"}

# One message for "no such user" and "wrong password", so the API doesn't tell an attacker which
# usernames exist.
LOGIN_FAILED = "Invalid username or password"


# Done: POST /register checks the body, hashes the password and stores the user.
@router.post("/register", status_code=201)
async def register(request: Request) -> dict[str, str]:
    body = await read_json(request)
    username, password = credentials(body)
    problem = check_credentials(username, password)
    if problem:
        raise HTTPException(400, problem)

    name = username.strip()
    if name in users:
        raise HTTPException(409, "Username is taken")
    # bcrypt is slow on purpose: run it in a thread, so the server keeps answering meanwhile.
    password_hash = await asyncio.to_thread(hash_password, password, DEFAULT_COST)
    # Hashing took a while: check again in case the same name registered meanwhile.
    if name in users:
        raise HTTPException(409, "Username is taken")

    users[name] = {"username": name, "password_hash": password_hash}
    return {"username": name}


# A hash of a random password, made at the first failed lookup: unknown users are checked
# against it, so a failed login takes as long whether or not the username exists.
_dummy_hash: str | None = None


@router.post("/login")
async def login(request: Request) -> dict[str, str]:
    global _dummy_hash
    body = await read_json(request)
    username, password = credentials(body)
    if not isinstance(username, str) or not isinstance(password, str):
        raise HTTPException(400, '"username" and "password" are required strings')

    user = users.get(username.strip())
    if user is None:
        if _dummy_hash is None:
            _dummy_hash = await asyncio.to_thread(hash_password, secrets.token_hex(16), DEFAULT_COST)
        await asyncio.to_thread(verify_password, password, _dummy_hash)
        raise HTTPException(401, LOGIN_FAILED)
    if not await asyncio.to_thread(verify_password, password, user["password_hash"]):
        raise HTTPException(401, LOGIN_FAILED)

    # The only moment we hold the password again: upgrade a hash made with a lower cost.
    if needs_rehash(user["password_hash"], DEFAULT_COST):
        user["password_hash"] = await asyncio.to_thread(hash_password, password, DEFAULT_COST)
    return {"username": user["username"]}


def credentials(body: Any) -> tuple[Any, Any]:
    """body["username"] and body["password"], or None for each one missing (also when the body is
    not a JSON object at all)."""
    if not isinstance(body, dict):
        return None, None
    return body.get("username"), body.get("password")


def check_credentials(username: Any, password: Any) -> str | None:
    """Why a registration is refused, or None when username and password are fine."""
    if not isinstance(username, str) or username.strip() == "":
        return '"username" is required and must be a non-empty string'
    if not isinstance(password, str) or len(password) < 8:
        return '"password" is required and must have at least 8 characters'
    if len(password.encode("utf-8")) > MAX_BYTES:
        return f'"password" must be at most {MAX_BYTES} bytes'
    return None


async def read_json(request: Request) -> Any:
    """The request body parsed from JSON, or None when the request has no body; 400 when it is not
    JSON."""
    if not await request.body():
        return None
    try:
        return await request.json()
    except ValueError as e:
        raise HTTPException(400, f"The body is not valid JSON: {e}") from None


# Already done: admin routes, to see what is stored and to import users from an older system. Your
# public API never sends a hash; these are for an administrator (and the checks) only. They need
# "Authorization: Bearer <ADMIN_TOKEN>"; without ADMIN_TOKEN they always answer 401.
def require_admin(request: Request) -> None:
    token = os.environ.get("ADMIN_TOKEN", "")
    given = request.headers.get("authorization", "")
    # compare_digest takes as long whatever the mismatch, so timing does not give the token away.
    if not token or not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        raise HTTPException(401, "Admin token required")


admin = APIRouter(prefix="/admin", dependencies=[Depends(require_admin)])

BCRYPT_HASH = re.compile(r"\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}")


@admin.get("/users/{username}")
async def show_user(username: str) -> dict[str, str]:
    user = users.get(username)
    if user is None:
        raise HTTPException(404, "No such user")
    return {"username": user["username"], "passwordHash": user["password_hash"]}


# Imports a user whose bcrypt hash was made elsewhere (maybe with an older, lower cost).
@admin.put("/users/{username}")
async def import_user(username: str, request: Request) -> Response:
    body = await read_json(request)
    password_hash = body.get("passwordHash") if isinstance(body, dict) else None
    if not isinstance(password_hash, str) or not BCRYPT_HASH.fullmatch(password_hash):
        raise HTTPException(400, '"passwordHash" must be a bcrypt hash')
    users[username] = {"username": username, "password_hash": password_hash}
    return Response(status_code=204)
