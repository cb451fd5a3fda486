"""A tiny bank (done for you): cookie sessions, an account, and transfers. The CSRF checks are in
csrf.py.

    POST /login    {"username", "password"} -> 200 {user, csrfToken} and the sid cookie; 401
    GET  /account  -> 200 {user, balance, csrfToken}; 401
    POST /transfer {"to", "amount"} (X-CSRF-Token) -> 200 {balance}; 401, 403, 400

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise. APP_ORIGIN is the site's own origin
(http://localhost:<port> if unset); the checks set APP_ORIGIN=http://bank.test.
"""

import os
import secrets
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from csrf import csrf_problem, new_token

PORT = int(os.environ.get("PORT", "8000"))
APP_ORIGIN = os.environ.get("APP_ORIGIN", f"http://localhost:{PORT}")
USERS = {"ada": "correct horse battery staple", "grace": "hopper"}

sessions: dict[str, dict[str, str]] = {}  # sid -> {"user", "csrfToken"}
balances = {user: 1000 for user in USERS}

app = FastAPI(title="Bank")


def answer(status: int, payload: dict[str, Any], **headers: str) -> JSONResponse:
    return JSONResponse(payload, status_code=status, headers={"Cache-Control": "no-store", **headers})


async def json_object(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def session_of(request: Request) -> dict[str, str] | None:
    sid = request.cookies.get("sid")
    return sessions.get(sid) if sid else None


@app.post("/login")
async def login(request: Request) -> JSONResponse:
    body = await json_object(request)
    username, password = body.get("username"), body.get("password")
    if not isinstance(username, str) or USERS.get(username) is None or USERS[username] != password:
        return answer(401, {"error": "wrong username or password"})
    sid = secrets.token_urlsafe(32)
    token = new_token()
    sessions[sid] = {"user": username, "csrfToken": token}
    return answer(200, {"user": username, "csrfToken": token}, **{"Set-Cookie": f"sid={sid}; Path=/; HttpOnly; SameSite=Lax"})


@app.get("/account")
def account(request: Request) -> JSONResponse:
    session = session_of(request)
    if session is None:
        return answer(401, {"error": "not logged in"})
    # A safe method: the check lets it through, whatever the Origin.
    problem = csrf_problem(request, session, APP_ORIGIN)
    if problem:
        return answer(403, {"error": problem})
    return answer(200, {"user": session["user"], "balance": balances[session["user"]], "csrfToken": session["csrfToken"]})


@app.post("/transfer")
async def transfer(request: Request) -> JSONResponse:
    session = session_of(request)
    if session is None:
        return answer(401, {"error": "not logged in"})
    # A logged-in request that changes something: the CSRF check decides before anything else.
    problem = csrf_problem(request, session, APP_ORIGIN)
    if problem:
        return answer(403, {"error": problem})
    body = await json_object(request)
    to, amount, me = body.get("to"), body.get("amount"), session["user"]
    if to not in balances or to == me or not isinstance(amount, int) or isinstance(amount, bool) or not 0 < amount <= balances[me]:
        return answer(400, {"error": "to must be another user and amount a whole number you have"})
    balances[me] -= amount
    balances[to] += amount
    return answer(200, {"balance": balances[me]})


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=PORT)
