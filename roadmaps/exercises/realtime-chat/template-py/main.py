"""The chat service (done for you): the routes, which hand every request to chat.py.

Run it with `python main.py` (Redis must be running). Configuration comes from the environment:

    PORT, HOST                   where to listen (8000, 127.0.0.1)
    REDIS_URL                    the Redis to use from milestone 4 on (redis://127.0.0.1:6379)
    REDIS_KEY_PREFIX             put in front of every Redis key and channel (milestone 4)
    JWT_SECRET                   the HS256 secret of the tokens (milestone 3)
    RATE_LIMIT, RATE_WINDOW_MS   at most RATE_LIMIT messages per user in any RATE_WINDOW_MS (milestone 5)
"""

import os
from contextlib import asynccontextmanager

import redis.asyncio as redis
import uvicorn
from fastapi import FastAPI, Request, WebSocket
from fastapi.responses import JSONResponse

from chat import Chat, room_name


def env(name: str, default: str) -> str:
    return os.environ.get(name) or default


# decode_responses=True: replies, channel names and messages arrive as str, not bytes.
client = redis.Redis.from_url(env("REDIS_URL", "redis://127.0.0.1:6379"), decode_responses=True, socket_timeout=5)
chat = Chat(
    client,
    key_prefix=env("REDIS_KEY_PREFIX", ""),
    jwt_secret=env("JWT_SECRET", "change-me"),
    rate_limit=int(env("RATE_LIMIT", "5")),
    rate_window_ms=int(env("RATE_WINDOW_MS", "10000")),
)


@asynccontextmanager
async def lifespan(_app: FastAPI):
    await client.ping()  # fails fast when Redis is not there
    yield
    await chat.close()
    await client.aclose()


app = FastAPI(title="Real-time chat", lifespan=lifespan)


@app.websocket("/rooms/{room}")
async def room_socket(websocket: WebSocket, room: str) -> None:
    if not room_name(room):
        await websocket.close(code=1008)
        return
    await websocket.accept()
    await chat.connect(websocket, room)


@app.get("/rooms/{room}/messages")
async def messages(room: str, request: Request) -> JSONResponse:
    status, body = await chat.messages(room, request.query_params.get("limit"), request.headers.get("authorization"))
    return JSONResponse(body, status_code=status)


@app.get("/rooms/{room}/users")
async def users(room: str, request: Request) -> JSONResponse:
    status, body = await chat.users(room, request.headers.get("authorization"))
    return JSONResponse(body, status_code=status)


if __name__ == "__main__":
    uvicorn.run(app, host=env("HOST", "127.0.0.1"), port=int(env("PORT", "8000")), ws="websockets", ws_max_size=64 * 1024)
