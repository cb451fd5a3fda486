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
    try:
        msg = json.loads(text)
    except json.JSONDecodeError:
        await send_error(websocket, "invalid JSON")
        return
    if not isinstance(msg, dict):
        await send_error(websocket, 'expected a JSON object such as {"type": "join", "name": "ada"}')
        return
    kind = msg.get("type")
    if kind == "join":
        await join(websocket, msg)
    elif kind == "message":
        await say(websocket, msg)
    else:
        await send_error(websocket, f'unknown type {json.dumps(kind)}: use "join" or "message"')


async def join(websocket: WebSocket, msg: dict[str, Any]) -> None:
    if websocket in names:
        await send_error(websocket, f"you already joined as {names[websocket]}")
        return
    name = msg.get("name")
    if not isinstance(name, str) or not 1 <= len(name.strip()) <= MAX_NAME:
        await send_error(websocket, f"name must be a string of 1 to {MAX_NAME} characters")
        return
    name = name.strip()
    if name in names.values():
        await send_error(websocket, f"the name {name} is taken")
        return
    users = list(names.values())
    others = list(names)  # taken before any await, so a later joiner does not hear of this join
    names[websocket] = name
    await send(websocket, {"type": "welcome", "name": name, "users": users})
    announcement = {"type": "join", "name": name, "at": now()}
    for socket in others:
        await send(socket, announcement)


async def say(websocket: WebSocket, msg: dict[str, Any]) -> None:
    sender = names.get(websocket)
    if sender is None:
        await send_error(websocket, 'join first: send {"type": "join", "name": "..."}')
        return
    text = msg.get("text")
    if not isinstance(text, str) or text == "" or len(text) > MAX_TEXT:
        await send_error(websocket, f"text must be a non-empty string of at most {MAX_TEXT} characters")
        return
    await broadcast({"type": "message", "from": sender, "text": text, "at": now()}, websocket)


async def on_close(websocket: WebSocket) -> None:
    name = names.pop(websocket, None)
    if name is not None:
        await broadcast({"type": "leave", "name": name, "at": now()}, websocket)


async def broadcast(msg: dict[str, Any], except_socket: WebSocket | None = None) -> None:
    """Sends to every joined client except `except_socket` (the sender)."""
    for socket in list(names):
        if socket is not except_socket:
            await send(socket, msg)


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
