"""The WebSocket server (done for you): clients connect to /rooms/{room}, and fanout.py does the rest.

Run it with `python main.py`. Configuration comes from the environment:

    PORT, HOST         where to listen (8000, 127.0.0.1)
    REDIS_URL          the Redis to use (redis://127.0.0.1:6379)
    REDIS_KEY_PREFIX   put in front of every channel: "br-check-1a2b:" -> "br-check-1a2b:room:kitchen"

Try it from two terminals: `npx wscat -c ws://127.0.0.1:8000/rooms/kitchen`.
"""

import os
import re
import uuid
from contextlib import asynccontextmanager

import redis.asyncio as redis
import uvicorn
from fastapi import FastAPI, WebSocket, WebSocketDisconnect

from fanout import Fanout

ROOM = re.compile(r"[A-Za-z0-9_-]{1,40}")


def env(name: str, default: str) -> str:
    return os.environ.get(name) or default


# decode_responses=True: channel names and messages arrive as str, not bytes.
client = redis.Redis.from_url(env("REDIS_URL", "redis://127.0.0.1:6379"), decode_responses=True, socket_timeout=5)
fanout = Fanout(client, channel_prefix=env("REDIS_KEY_PREFIX", "") + "room:")


@asynccontextmanager
async def lifespan(_app: FastAPI):
    await client.ping()  # fails fast when Redis is not there
    yield
    await fanout.close()
    await client.aclose()


app = FastAPI(title="Pub/sub fan-out", lifespan=lifespan)


@app.websocket("/rooms/{room}")
async def room_socket(websocket: WebSocket, room: str) -> None:
    if not ROOM.fullmatch(room):
        await websocket.close(code=1008)
        return
    await websocket.accept()
    client_id = str(uuid.uuid4())
    try:
        await fanout.join(room, client_id, websocket)
        await websocket.send_json({"type": "joined", "room": room, "id": client_id})
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            if message.get("text") is not None:
                await fanout.publish(room, client_id, message["text"])
    except WebSocketDisconnect:
        pass
    finally:
        await fanout.leave(room, client_id)


if __name__ == "__main__":
    uvicorn.run(app, host=env("HOST", "127.0.0.1"), port=int(env("PORT", "8000")), ws="websockets", ws_max_size=64 * 1024)
