"""The HTTP API (done for you):

    POST /scores             {"player": "alice", "score": 120}: records a score, keeps the best
    GET  /leaderboard        ?limit=10&offset=0: one page of the board, best first
    GET  /players/{player}   the player's score, rank and neighbours (404 when not on the board)

Every answer is JSON; errors are {"error": "..."}. The input is checked here, so the methods in
leaderboard.py only ever get a valid player name, score, offset and limit.

Run it with `python main.py`. Configuration comes from the environment:

    PORT, HOST         where to listen (8000, 127.0.0.1)
    REDIS_URL          the Redis to use (redis://127.0.0.1:6379)
    REDIS_KEY_PREFIX   put in front of every key: "br-check-1a2b:" -> "br-check-1a2b:leaderboard"
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

from leaderboard import Leaderboard

PLAYER = re.compile(r"[A-Za-z0-9_-]{1,32}")
MAX_SCORE = 1_000_000_000
MAX_LIMIT = 100


def env(name: str, default: str) -> str:
    return os.environ.get(name) or default


# decode_responses=True: member names come back as str, not bytes.
client = redis.Redis.from_url(env("REDIS_URL", "redis://127.0.0.1:6379"), decode_responses=True, socket_timeout=5)
board = Leaderboard(client, key=env("REDIS_KEY_PREFIX", "") + "leaderboard")

app = FastAPI(title="Leaderboard")


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


# Plain `def` routes: FastAPI runs them in a thread pool, so blocking Redis calls are fine here.
@app.post("/scores")
def post_score(body: Any = Body(None)) -> Any:
    if not isinstance(body, dict):
        return error(400, "The body must be a JSON object")
    player, score = body.get("player"), body.get("score")
    if not isinstance(player, str) or not PLAYER.fullmatch(player):
        return error(400, "player must be 1 to 32 letters, digits, _ or -")
    # bool is an int in Python, and 120.0 is not a whole number in JSON terms: both are refused.
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= MAX_SCORE:
        return error(400, f"score must be a whole number from 0 to {MAX_SCORE}")
    return board.submit_score(player, score)


@app.get("/leaderboard")
def get_leaderboard(limit: int = 10, offset: int = 0) -> Any:
    if not 1 <= limit <= MAX_LIMIT:
        return error(400, f"limit must be a whole number from 1 to {MAX_LIMIT}")
    if offset < 0:
        return error(400, "offset must be a whole number, 0 or more")
    return board.top(offset, limit)


@app.get("/players/{player}")
def get_player(player: str) -> Any:
    standing = board.standing(player) if PLAYER.fullmatch(player) else None
    if standing is None:
        return error(404, f"{player} is not on the leaderboard")
    return standing


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
