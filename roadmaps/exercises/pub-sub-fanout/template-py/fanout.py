"""The rooms, the Redis subscriptions and the relaying. See README.md for the rules."""

import asyncio
import json
from typing import Any

import redis.asyncio as redis
from fastapi import WebSocket


class Fanout:
    def __init__(self, client: redis.Redis, channel_prefix: str = "room:") -> None:
        self.redis = client  # for PUBLISH
        self.channel_prefix = channel_prefix
        self.rooms: dict[str, dict[str, WebSocket]] = {}  # room -> {client id: its WebSocket}
        # TODO: one subscriber connection for every room. client.pubsub() gives a PubSub with a
        # connection of its own; something has to read its messages (a task calling get_message).

    def channel_of(self, room: str) -> str:
        # TODO: the channel is channel_prefix + the room's name (channel_prefix is REDIS_KEY_PREFIX + "room:").
        return room

    async def join(self, room: str, client_id: str, websocket: WebSocket) -> None:
        """Adds the client to its room; returns once this instance is subscribed to the room's channel."""
        members = self.rooms.setdefault(room, {})
        members[client_id] = websocket
        # TODO: if it is the room's first client, SUBSCRIBE to the room's channel, and return only
        # once Redis has confirmed it (the "subscribe" message on the PubSub).

    async def leave(self, room: str, client_id: str) -> None:
        """Called once when a client disconnects."""
        # TODO: remove the client; if the room is now empty, forget it and UNSUBSCRIBE its channel.

    async def publish(self, room: str, client_id: str, text: str) -> None:
        """Called with each text frame a client sends."""
        # TODO: PUBLISH {"from": client_id, "text": text} as JSON on the room's channel.

    async def _deliver(self, room: str, raw: str) -> None:
        """Call this with each message that arrives on a room's channel."""
        # TODO: parse raw as JSON; skip it if it is not an object with a string "text". Send
        # {"type": "message", "room": ..., "from": ..., "text": ...} to every client of the room
        # except the one whose id is "from".

    async def close(self) -> None:
        """Called when the server stops."""
