"""The chat room: who has joined, and what to send whom.

Protocol (JSON text frames):
  client -> server  {"type": "join", "name": ...}          {"type": "message", "text": ...}
  server -> client  {"type": "welcome", "name", "users"}    (to the one who joined)
                    {"type": "join", "name", "at"}          (to the others)
                    {"type": "message", "from", "text", "at"} (to the others, never the sender)
                    {"type": "leave", "name", "at"}         (to the others)
                    {"type": "error", "reason"}             (the connection stays open)
"""

import json
from datetime import datetime, timezone
from typing import Any

from fastapi import WebSocket

MAX_NAME = 32
MAX_TEXT = 1000

# Joined clients only: socket -> name. A socket that has not joined yet is not in here.
names: dict[WebSocket, str] = {}


async def endpoint(websocket: WebSocket) -> None:
    """Done for you: accepts the connection, hands each text frame to on_message, then on_close."""
    await websocket.accept()
    try:
        while True:
            event = await websocket.receive()
            if event["type"] == "websocket.disconnect":
                break
            if event.get("text") is not None:
                await on_message(websocket, event["text"])
            else:
                await send_error(websocket, "send JSON as text frames, not binary")
    finally:
        # Runs however the connection ended: a close frame, a dropped connection, an error.
        await on_close(websocket)


async def on_message(websocket: WebSocket, text: str) -> None:
    # TODO 1: parse `text` with json.loads inside try/except (json.JSONDecodeError): on a parse
    #         error, send_error(websocket, "invalid JSON") and return. Never raise here and never
    #         close the socket. Anything that is not a dict (None, 42, [1]) is an error too.
    # TODO 2: dispatch on msg.get("type"): "join" -> join(), "message" -> say(), anything else ->
    #         an error that names the unknown type.
    await send_error(websocket, "not implemented yet: see the TODOs in chat.py")


async def join(websocket: WebSocket, msg: dict[str, Any]) -> None:
    # TODO 3: check msg.get("name") (a str, 1 to MAX_NAME characters after strip(), not already
    #         taken: say "taken" in the reason), and that this socket has not joined yet. Then send
    #         {"type": "welcome", "name": name, "users": [...]} to this socket (users: the names
    #         already here), remember the name in `names`, and tell the others
    #         {"type": "join", "name": name, "at": now()}. List "the others" before your first
    #         await: while it waits, another client may join, and it must not hear of this join.
    pass


async def say(websocket: WebSocket, msg: dict[str, Any]) -> None:
    # TODO 4: refuse with an error that says "join first" when this socket has no name yet.
    #         Check msg.get("text") (a non-empty str of at most MAX_TEXT characters), then
    #         broadcast {"type": "message", "from": ..., "text": ..., "at": now()} to the others.
    #         Build it from those four fields only: never pass on what else the client sent.
    pass


async def on_close(websocket: WebSocket) -> None:
    # TODO 5: if this socket had joined, forget its name and broadcast
    #         {"type": "leave", "name": name, "at": now()} to the others.
    pass


async def broadcast(msg: dict[str, Any], except_socket: WebSocket | None = None) -> None:
    """Sends to every joined client except `except_socket` (the sender)."""
    # TODO 6: for each socket in `names` (iterate over a copy: list(names)) that is not
    #         except_socket, `await send(socket, msg)`.
    pass


def now() -> str:
    """The server's time as an ISO 8601 string in UTC, such as 2025-01-31T12:00:00.000Z."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


async def send(websocket: WebSocket, msg: dict[str, Any]) -> None:
    # A client that just went away cannot be sent to; its own endpoint() will clean up after it.
    try:
        await websocket.send_text(json.dumps(msg))
    except Exception:
        pass


async def send_error(websocket: WebSocket, reason: str) -> None:
    await send(websocket, {"type": "error", "reason": reason})
