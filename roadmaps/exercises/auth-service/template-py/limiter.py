"""Milestone 4: failures per key (an account, an IP) in a fixed window from the key's first failure."""

import math  # math.ceil for whole seconds
import time
from collections.abc import Callable


class Limiter:
    def __init__(self, max_failures: int, window_seconds: float, now: Callable[[], float] = time.monotonic) -> None:
        self._max = max_failures
        self._window = window_seconds
        self._now = now
        self._entries: dict[str, list[float]] = {}  # key -> [failures, since]

    def _current(self, key: str) -> list[float] | None:
        entry = self._entries.get(key)
        if entry is not None and self._now() - entry[1] >= self._window:
            del self._entries[key]
            return None
        return entry

    def retry_after(self, key: str) -> int:
        """Whole seconds until the key may try again (at least 1), or 0 when it may now."""
        # TODO (milestone 4): forget an entry whose window has ended (self._current does).
        return 0

    def fail(self, key: str) -> None:
        """Counts one failure for the key."""
        # TODO (milestone 4)

    def reset(self, key: str) -> None:
        """Forgets the key's failures."""
        # TODO (milestone 4)
