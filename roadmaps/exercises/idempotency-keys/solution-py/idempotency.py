"""The idempotency store: per client and key, the request's fingerprint and, once done, its answer."""

import json
import time
from dataclasses import dataclass
from typing import Any, Callable, Literal


def fingerprint(body: Any) -> str:
    """The body as JSON with every object's keys sorted: the same for the same JSON value."""
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass
class StoredResponse:
    status: int
    body: Any


@dataclass
class Claim:
    """What begin() found: "new", "mismatch", "in-progress", or "done" with the stored response."""

    state: Literal["new", "mismatch", "in-progress", "done"]
    response: StoredResponse | None = None


@dataclass
class _Entry:
    fingerprint: str
    response: StoredResponse | None = None
    expires_at: float | None = None


def _millis() -> float:
    return time.monotonic() * 1000


class IdempotencyStore:
    """ttl_ms: how long a stored answer is kept, from when it was stored. now: the clock in ms."""

    def __init__(self, ttl_ms: int, now: Callable[[], float] = _millis) -> None:
        self.ttl_ms = ttl_ms
        self.now = now
        # A tuple key: the client id and the key together, never mixed up with another pair.
        self._entries: dict[tuple[str, str], _Entry] = {}

    def _current(self, slot: tuple[str, str]) -> _Entry | None:
        entry = self._entries.get(slot)
        if entry is not None and entry.expires_at is not None and entry.expires_at <= self.now():
            del self._entries[slot]
            return None
        return entry

    def begin(self, client_id: str, key: str, body_fingerprint: str) -> Claim:
        slot = (client_id, key)
        entry = self._current(slot)
        if entry is None:
            self._entries[slot] = _Entry(body_fingerprint)
            return Claim("new")
        if entry.fingerprint != body_fingerprint:
            return Claim("mismatch")
        if entry.response is None:
            return Claim("in-progress")
        return Claim("done", entry.response)

    def complete(self, client_id: str, key: str, response: StoredResponse) -> None:
        entry = self._entries.get((client_id, key))
        if entry is not None:
            entry.response = response
            entry.expires_at = self.now() + self.ttl_ms

    def release(self, client_id: str, key: str) -> None:
        self._entries.pop((client_id, key), None)
