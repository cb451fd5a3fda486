"""The chat: rooms, history, tokens, the Redis fan-out, presence and the rate limit. See README.md."""

import json  # noqa: F401  (you will need it)
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import redis.asyncio as redis
from fastapi import WebSocket, WebSocketDisconnect

# import jwt  # milestone 3 (PyJWT)

MAX_TEXT = 500
HISTORY_KEPT = 100
ROOM = re.compile(r"[a-z0-9-]{1,32}")


def room_name(room: str) -> bool:
    """Whether `room` is a valid room name (done)."""
    return ROOM.fullmatch(room) is not None


def now() -> str:
    """The server's time as an ISO 8601 string (done)."""
    return datetime.now(timezone.utc).isoformat()


@dataclass(eq=False)
class Client:
    """What you keep per socket; add fields as you need them."""

    websocket: WebSocket
    name: str


class Chat:
    def __init__(self, client: redis.Redis, key_prefix: str, jwt_secret: str, rate_limit: int, rate_window_ms: int) -> None:
        self.redis = client  # commands and PUBLISH; use self.redis.pubsub() for a subscriber connection
        self.key_prefix = key_prefix
        self.jwt_secret = jwt_secret
        self.rate_limit = rate_limit
        self.rate_window_ms = rate_window_ms
        self.rooms: dict[str, set[Client]] = {}  # room -> this instance's sockets in it

    async def messages(self, room: str, limit: str | None, authorization: str | None) -> tuple[int, Any]:
        """GET /rooms/{room}/messages: answers (status, JSON body)."""
        # TODO milestone 2: 200 {"room", "messages"}: the last `limit` (default 50) messages, newest
        #   last; 400 {"error"} when limit is not a whole number from 1 to HISTORY_KEPT.
        # TODO milestone 3: 401 {"error"} without a valid "Bearer <token>" in `authorization`.
        return 404, {"error": "not found"}

    async def users(self, room: str, authorization: str | None) -> tuple[int, Any]:
        """GET /rooms/{room}/users: answers (status, JSON body)."""
        # TODO milestone 5: 200 {"room", "users"}, sorted, from the room's Redis set; 401 without a token.
        return 404, {"error": "not found"}

    async def connect(self, websocket: WebSocket, room: str) -> None:
        """One accepted WebSocket connection to /rooms/{room}, from its start to its end."""
        # TODO milestone 1: the name is websocket.query_params.get("name"). Send the welcome
        #   {"type": "welcome", "room", "name"}, add the socket to the room, and tell everyone in the
        #   room (the newcomer too) {"type": "join", "room", "name", "at"}. Then handle its frames
        #   (below) until it disconnects, and tell the room {"type": "leave", "room", "name", "at"}.
        # TODO milestone 2: with ?history=N, send {"type": "history", "messages"} right after the welcome.
        # TODO milestone 3: the name comes from the JWT in ?token= (its sub claim); a missing or bad
        #   token closes the connection with code 4401.
        # TODO milestone 4: subscribe (once per room) to the room's channel; events reach the sockets
        #   from there, and every event is PUBLISHed instead of sent directly.
        # TODO milestone 5: keep the name in the room's users set while the user has a socket in it.
        try:
            while True:
                await websocket.receive_text()
                # TODO milestone 1: {"type": "message", "text"} goes to everyone in the room (the sender
                #   too) as {"type": "message", "room", "from", "text", "at"}; anything else answers
                #   {"type": "error", "error": "invalid_message"}.
                # TODO milestone 2: keep the room's last HISTORY_KEPT messages (milestone 4: in a Redis list).
                # TODO milestone 5: over the rate limit, answer {"type": "error", "error": "rate_limited"}.
        except WebSocketDisconnect:
            pass

    async def close(self) -> None:
        """Called when the service stops: stop what you started (a subscriber, a reader task)."""
