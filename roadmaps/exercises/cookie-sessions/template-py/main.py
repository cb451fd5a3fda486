"""The HTTP API (done for you): a cart that works before login, a login, and who you are. The
session handling is in sessions.py.

    POST /cart   {"item": "tea"}               -> 200 {"cart": [...]} (starts a session if needed)
    POST /login  {"username", "password"}      -> 200 {"user"}, 401
    GET  /me                                   -> 200 {"user", "cart"}, 401
    POST /logout                               -> 204

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise. SESSION_IDLE_SECONDS (1800 if unset) ends idle
sessions; COOKIE_SECURE=1 adds Secure to the cookie. The checks set SESSION_IDLE_SECONDS=2 and
COOKIE_SECURE=1.
"""

import hashlib
import hmac
import os
from typing import Any

import uvicorn
from fastapi import FastAPI, Request, Response

from sessions import Sessions

# A stand-in for a user table (a real one stores password hashes: see the password-hashing exercise).
USERS = {"ada": "correct horse battery staple"}

sessions = Sessions(
    idle_seconds=float(os.environ.get("SESSION_IDLE_SECONDS", "1800")),
    secure=os.environ.get("COOKIE_SECURE") == "1",
)

app = FastAPI(title="Cookie sessions")


# Answers depend on the cookie: no shared cache may keep them.
@app.middleware("http")
async def no_store(request: Request, call_next):  # type: ignore[no-untyped-def]
    response = await call_next(request)
    response.headers["Cache-Control"] = "no-store"
    return response


async def json_object(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def check_password(username: str, password: str) -> bool:
    expected = USERS.get(username)
    if expected is None:
        return False
    a = hashlib.sha256(password.encode()).digest()
    b = hashlib.sha256(expected.encode()).digest()
    return hmac.compare_digest(a, b)


@app.post("/cart")
async def cart(request: Request, response: Response) -> dict[str, Any]:
    item = (await json_object(request)).get("item")
    if not isinstance(item, str) or item == "":
        response.status_code = 400
        return {"error": "item must be a non-empty string"}
    session = sessions.load(request) or sessions.start(response, {})
    session.data["cart"] = [*session.data.get("cart", []), item]
    return {"cart": session.data["cart"]}


@app.post("/login")
async def login(request: Request, response: Response) -> dict[str, Any]:
    body = await json_object(request)
    username, password = body.get("username"), body.get("password")
    if not isinstance(username, str) or not isinstance(password, str) or not check_password(username, password):
        response.status_code = 401
        return {"error": "wrong username or password"}
    sessions.login(request, response, username)
    return {"user": username}


@app.get("/me")
def me(request: Request, response: Response) -> dict[str, Any]:
    session = sessions.load(request)
    if session is None or "user" not in session.data:
        response.status_code = 401
        return {"error": "not logged in"}
    return {"user": session.data["user"], "cart": session.data.get("cart", [])}


@app.post("/logout", status_code=204)
def logout(request: Request, response: Response) -> None:
    sessions.logout(request, response)


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
