"""A message broker in the same process (done for you), standing in for RabbitMQ, Kafka or SNS.

publish() accepts a message and keeps it; while the broker is "down" it raises
BrokerUnavailableError instead, as a real client does when the broker cannot be reached. The HTTP
API lets the checks read what was published (GET /published) and switch an outage on and off
(POST /broker/outage).
"""

import copy
import threading
import time
from typing import Any


class BrokerUnavailableError(Exception):
    pass


class Broker:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._published: list[dict[str, Any]] = []
        self._down = False

    def publish(self, message: dict[str, Any]) -> None:
        time.sleep(0.001)  # a network round trip, roughly
        with self._lock:
            if self._down:
                raise BrokerUnavailableError("The broker is unavailable (outage)")
            self._published.append(copy.deepcopy(message))

    def published(self) -> list[dict[str, Any]]:
        with self._lock:
            return copy.deepcopy(self._published)

    def set_down(self, down: bool) -> None:
        with self._lock:
            self._down = down

    def is_down(self) -> bool:
        with self._lock:
            return self._down
