"""The rooms, the Redis subscriptions and the relaying."""

import asyncio
import json
from typing import Any

import redis.asyncio as redis
from fastapi import WebSocket


class Fanout:
    def __init__(self, client: redis.Redis, channel_prefix: str = "room:") -> None:
        self.redis = client  # publishes; never subscribes
        self.channel_prefix = channel_prefix
        self.rooms: dict[str, dict[str, WebSocket]] = {}  # room -> {client id: its WebSocket}
        # One subscriber connection for every room: a PubSub holds a connection of its own.
        self.pubsub = client.pubsub()
        self.reader: asyncio.Task[None] | None = None
        # channel -> futures waiting for Redis to confirm a SUBSCRIBE
        self.confirmations: dict[str, list[asyncio.Future[None]]] = {}

    def channel_of(self, room: str) -> str:
        return self.channel_prefix + room

    async def join(self, room: str, client_id: str, websocket: WebSocket) -> None:
        members = self.rooms.setdefault(room, {})
        members[client_id] = websocket
        if len(members) > 1:
            return
        channel = self.channel_of(room)
        confirmed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.confirmations.setdefault(channel, []).append(confirmed)
        await self.pubsub.subscribe(channel)
        if self.reader is None:
            self.reader = asyncio.create_task(self._read())
        # Redis Pub/Sub does not keep messages: the client may only hear "joined" once it is subscribed.
        await asyncio.wait_for(confirmed, timeout=5)

    async def leave(self, room: str, client_id: str) -> None:
        members = self.rooms.get(room)
        if members is None or members.pop(client_id, None) is None:
            return
        if not members:
            del self.rooms[room]
            await self.pubsub.unsubscribe(self.channel_of(room))

    async def publish(self, room: str, client_id: str, text: str) -> None:
        await self.redis.publish(self.channel_of(room), json.dumps({"from": client_id, "text": text}))

    async def _read(self) -> None:
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
                waiting = self.confirmations.get(channel, [])
                if waiting:
                    future = waiting.pop(0)
                    if not future.done():
                        future.set_result(None)
            elif message["type"] == "message" and channel.startswith(self.channel_prefix):
                await self._deliver(channel[len(self.channel_prefix) :], message["data"])

    async def _deliver(self, room: str, raw: str) -> None:
        try:
            parsed: Any = json.loads(raw)
        except ValueError:
            return
        if not isinstance(parsed, dict) or not isinstance(parsed.get("text"), str):
            return
        sender = parsed.get("from") if isinstance(parsed.get("from"), str) else None
        frame = {"type": "message", "room": room, "from": sender, "text": parsed["text"]}
        for client_id, websocket in list(self.rooms.get(room, {}).items()):
            if client_id == sender:
                continue
            try:
                await websocket.send_json(frame)
            except Exception:
                pass  # that client is going away; its own handler calls leave()

    async def close(self) -> None:
        if self.reader is not None:
            self.reader.cancel()
        await self.pubsub.aclose()
