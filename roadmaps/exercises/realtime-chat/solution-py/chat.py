"""The chat: rooms, history, tokens, the Redis fan-out, presence and the rate limit."""

import asyncio
import json
import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import jwt
import redis.asyncio as redis
from fastapi import WebSocket, WebSocketDisconnect

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
    websocket: WebSocket
    name: str


class Chat:
    def __init__(self, client: redis.Redis, key_prefix: str, jwt_secret: str, rate_limit: int, rate_window_ms: int) -> None:
        self.redis = client  # commands and PUBLISH; never subscribes
        self.key_prefix = key_prefix
        self.jwt_secret = jwt_secret
        self.rate_limit = rate_limit
        self.rate_window = rate_window_ms / 1000
        self.rooms: dict[str, set[Client]] = {}  # room -> this instance's sockets in it
        self.sent: dict[str, list[float]] = {}  # user -> times of their messages in the window
        # One subscriber connection for every room: a PubSub holds a connection of its own.
        self.pubsub = client.pubsub()
        self.reader: asyncio.Task[None] | None = None
        self.subscriptions: dict[str, asyncio.Future[None]] = {}  # channel -> confirmed by Redis

    def channel(self, room: str) -> str:
        return f"{self.key_prefix}chat:{room}"

    def history_key(self, room: str) -> str:
        return f"{self.key_prefix}chat:{room}:history"

    def users_key(self, room: str) -> str:
        return f"{self.key_prefix}chat:{room}:users"

    def user_from(self, token: str | None) -> str | None:
        if not token:
            return None
        try:
            claims = jwt.decode(token, self.jwt_secret, algorithms=["HS256"])
        except jwt.PyJWTError:
            return None
        sub = claims.get("sub")
        return sub if isinstance(sub, str) and sub else None

    def bearer_user(self, authorization: str | None) -> str | None:
        match = re.fullmatch(r"Bearer (\S+)", authorization or "")
        return self.user_from(match.group(1)) if match else None

    async def last_messages(self, room: str, count: int) -> list[Any]:
        return [json.loads(item) for item in await self.redis.lrange(self.history_key(room), -count, -1)]

    # --- HTTP --------------------------------------------------------------------------------

    async def messages(self, room: str, limit: str | None, authorization: str | None) -> tuple[int, Any]:
        if not self.bearer_user(authorization):
            return 401, {"error": "a valid bearer token is required"}
        raw = "50" if limit is None else limit
        if not re.fullmatch(r"\d+", raw) or not 1 <= int(raw) <= HISTORY_KEPT:
            return 400, {"error": f"limit must be a whole number from 1 to {HISTORY_KEPT}"}
        return 200, {"room": room, "messages": await self.last_messages(room, int(raw))}

    async def users(self, room: str, authorization: str | None) -> tuple[int, Any]:
        if not self.bearer_user(authorization):
            return 401, {"error": "a valid bearer token is required"}
        return 200, {"room": room, "users": sorted(await self.redis.smembers(self.users_key(room)))}

    # --- WebSocket ---------------------------------------------------------------------------

    async def connect(self, websocket: WebSocket, room: str) -> None:
        # The name comes from the verified token, never from what the client says it is.
        name = self.user_from(websocket.query_params.get("token"))
        if not name:
            await websocket.close(code=4401, reason="invalid or missing token")
            return
        client = Client(websocket, name)
        joined = False
        try:
            await self.redis.sadd(self.users_key(room), name)
            await self.subscribe(room)
            await websocket.send_json({"type": "welcome", "room": room, "name": name})
            wanted = websocket.query_params.get("history")
            if wanted is not None:
                count = min(max(int(wanted) if re.fullmatch(r"\d+", wanted) else 0, 0), HISTORY_KEPT)
                history = await self.last_messages(room, count) if count > 0 else []
                await websocket.send_json({"type": "history", "messages": history})
            self.rooms.setdefault(room, set()).add(client)
            joined = True
            await self.publish(room, {"type": "join", "room": room, "name": name, "at": now()})
            while True:
                text = await websocket.receive_text()
                await self.on_message(client, room, text)
        except WebSocketDisconnect:
            pass
        finally:
            await self.leave(client, room, joined)

    async def on_message(self, client: Client, room: str, text: str) -> None:
        try:
            frame: Any = json.loads(text)
        except ValueError:
            frame = None
        body = frame.get("text") if isinstance(frame, dict) and frame.get("type") == "message" else None
        if not isinstance(body, str) or not body.strip() or len(body) > MAX_TEXT:
            await client.websocket.send_json({"type": "error", "error": "invalid_message"})
            return
        if not self.allowed(client.name):
            await client.websocket.send_json({"type": "error", "error": "rate_limited"})
            return
        event = json.dumps({"type": "message", "room": room, "from": client.name, "text": body, "at": now()})
        # Stored by this instance only, and published; it reaches the sockets (the sender's too)
        # back from the channel. One transaction keeps the list and the channel in the same order.
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.rpush(self.history_key(room), event)
            pipe.ltrim(self.history_key(room), -HISTORY_KEPT, -1)
            pipe.publish(self.channel(room), event)
            await pipe.execute()

    def allowed(self, name: str) -> bool:
        moment = time.monotonic()
        recent = [t for t in self.sent.get(name, []) if moment - t < self.rate_window]
        self.sent[name] = recent
        if len(recent) >= self.rate_limit:
            return False
        recent.append(moment)
        return True

    async def leave(self, client: Client, room: str, joined: bool) -> None:
        members = self.rooms.get(room, set())
        members.discard(client)
        if not any(other.name == client.name for other in members):
            await self.redis.srem(self.users_key(room), client.name)
        if joined:
            await self.publish(room, {"type": "leave", "room": room, "name": client.name, "at": now()})

    # --- Redis pub/sub -----------------------------------------------------------------------

    async def publish(self, room: str, event: dict[str, Any]) -> None:
        await self.redis.publish(self.channel(room), json.dumps(event))

    async def subscribe(self, room: str) -> None:
        channel = self.channel(room)
        confirmed = self.subscriptions.get(channel)
        if confirmed is None:
            confirmed = asyncio.get_running_loop().create_future()
            self.subscriptions[channel] = confirmed
            await self.pubsub.subscribe(channel)
            if self.reader is None:
                self.reader = asyncio.create_task(self.read())
        # Pub/sub keeps nothing: the room's events only reach us once Redis has confirmed.
        await asyncio.wait_for(asyncio.shield(confirmed), timeout=5)

    async def read(self) -> None:
        while True:
            try:
                message = await self.pubsub.get_message(timeout=1.0)
            except asyncio.CancelledError:
                raise
            except Exception as err:  # a lost connection: say so, wait, keep going
                print(f"Redis subscriber: {err}", flush=True)
                await asyncio.sleep(1)
                continue
            if message is None:
                continue
            channel = message["channel"]
            if message["type"] == "subscribe":
                future = self.subscriptions.get(channel)
                if future is not None and not future.done():
                    future.set_result(None)
            elif message["type"] == "message":
                room = channel[len(self.key_prefix) + len("chat:") :]
                for client in list(self.rooms.get(room, set())):
                    try:
                        await client.websocket.send_text(message["data"])
                    except Exception:
                        pass  # that socket is going away; its own handler calls leave()

    async def close(self) -> None:
        if self.reader is not None:
            self.reader.cancel()
        await self.pubsub.aclose()
