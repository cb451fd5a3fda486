"""The event log and the queue between the two sides. Done for you.

append() gives each event the next position (1, 2, 3, ... across all accounts) and keeps it for ever.
Every appended event is also put on a queue; one thread takes them off in order and hands each to the
subscriber delay_ms after it was appended: the read side hears about a write a little later, as it
would through a message broker.
"""

import queue
import threading
import time
from typing import Any, Callable

# An event: {"position": 3, "type": "MoneyDeposited", "data": {"accountId": "acc-1", "amount": 100}}
Event = dict[str, Any]


class EventLog:
    def __init__(self, delay_ms: int = 0) -> None:
        self._delay = delay_ms / 1000
        self._events: list[Event] = []
        self._lock = threading.Lock()
        self._queue: "queue.Queue[tuple[Event, float]]" = queue.Queue()
        self._subscriber: Callable[[Event], None] = lambda event: None
        threading.Thread(target=self._deliver, daemon=True).start()

    def append(self, new_events: list[dict[str, Any]]) -> list[Event]:
        """Records [{"type", "data"}, ...] in one go and returns them with their positions."""
        with self._lock:
            stored = [
                {"position": len(self._events) + 1 + i, "type": e["type"], "data": e["data"]}
                for i, e in enumerate(new_events)
            ]
            self._events.extend(stored)
            for event in stored:
                self._queue.put((event, time.monotonic() + self._delay))
        return stored

    def all(self) -> list[Event]:
        """The whole log, oldest first (a copy)."""
        with self._lock:
            return list(self._events)

    @property
    def position(self) -> int:
        """The position of the last event recorded (0 when there are none)."""
        with self._lock:
            return len(self._events)

    def subscribe(self, fn: Callable[[Event], None]) -> None:
        """fn(event) is called for every event, in order, delay_ms after it was appended."""
        self._subscriber = fn

    def _deliver(self) -> None:
        while True:
            event, due = self._queue.get()
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._subscriber(event)
