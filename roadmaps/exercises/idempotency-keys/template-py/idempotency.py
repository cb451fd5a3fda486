"""The idempotency store: per client and key, the request's fingerprint and, once done, its answer."""

import json
import time
from dataclasses import dataclass
from typing import Any, Callable, Literal


def fingerprint(body: Any) -> str:
    """A string that is the same for the same JSON value, whatever order its keys came in.

    {"amount": 1, "currency": "EUR"} and {"currency": "EUR", "amount": 1} must give the same string.
    """
    # TODO: json.dumps keeps the keys in the order they arrived. Make it sort them (nested objects
    # too; lists keep their order).
    return json.dumps(body)


@dataclass
class StoredResponse:
    status: int
    body: Any


@dataclass
class Claim:
    """What begin() found: "new", "mismatch", "in-progress", or "done" with the stored response."""

    state: Literal["new", "mismatch", "in-progress", "done"]
    response: StoredResponse | None = None


def _millis() -> float:
    return time.monotonic() * 1000


class IdempotencyStore:
    """ttl_ms: how long a stored answer is kept, from when it was stored. now: the clock in ms."""

    def __init__(self, ttl_ms: int, now: Callable[[], float] = _millis) -> None:
        self.ttl_ms = ttl_ms
        self.now = now
        # TODO: a dict keyed by the client id AND the key (a tuple): two clients may pick the same
        # key. Each entry holds the fingerprint, then the response and when it expires
        # (self.now() + self.ttl_ms). Always read the time with self.now().

    def begin(self, client_id: str, key: str, body_fingerprint: str) -> Claim:
        """Claims the key for a request.

        Claim("new"): the key was free; it is now taken, do the work.
        Claim("mismatch"): the key was used with a different body.
        Claim("in-progress"): a request with this key is still being worked on.
        Claim("done", response): the stored answer, to send again.
        An entry whose time is up counts as free.
        """
        # TODO
        return Claim("new")

    def complete(self, client_id: str, key: str, response: StoredResponse) -> None:
        """Stores the answer of a finished request; it is kept for ttl_ms from now."""
        # TODO

    def release(self, client_id: str, key: str) -> None:
        """Frees the key of a request that did nothing, so that a retry can do the work."""
        # TODO
