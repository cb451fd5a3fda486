"""Receiving signed webhooks. Read README.md first; it lists every rule the check tests.

The sender signs each delivery: Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>
where the HMAC (key: the shared secret) is over f"{t}." + the raw body.
"""

import hashlib  # noqa: F401  (for the HMAC)
import hmac  # noqa: F401  (hmac.new, hmac.compare_digest)
import json
from typing import Any, Callable


def verify_signature(header: str | None, raw_body: bytes, secret: str, tolerance_seconds: int, now: int) -> str | None:
    """Is this delivery authentic and fresh? None when it is; otherwise the reason it is not."""
    # TODO 1: parse the header: comma-separated key=value pairs; one t (digits only), one or more v1.
    #   Missing or malformed: a reason.
    # TODO 2: |now - t| must be at most tolerance_seconds (too old: a replay; too far ahead: forged).
    # TODO 3: expected = HMAC-SHA256(secret, f"{t}.".encode() + raw_body) as hex. Fine when one of
    #   the v1 values equals it, compared in constant time (hmac.compare_digest).
    return None


class WebhookHandler:
    """handle(header, raw_body) -> (status, body): the answer to one POST /webhooks."""

    def __init__(
        self,
        secret: str,
        tolerance_seconds: int,
        now: Callable[[], int],
        on_event: Callable[[dict[str, Any]], None],
    ) -> None:
        self.secret = secret
        self.tolerance_seconds = tolerance_seconds
        self.now = now  # Unix seconds; WEBHOOK_NOW when it is set
        self.on_event = on_event  # applies an accepted event (done for you); once per event id
        # TODO 4: remember the ids of accepted events (for at least tolerance_seconds: older
        #   deliveries fail the timestamp check anyway), so a replay or a retry is not applied twice.

    def handle(self, header: str | None, raw_body: bytes) -> tuple[int, dict[str, Any]]:
        # TODO 5: verify first (400 {"error": ...} when not fine); only then parse the JSON (400 when
        #   it is not an object with a string id); an id seen before: 200 {"received": True,
        #   "duplicate": True} without calling on_event; otherwise remember the id, call on_event and
        #   answer 200 {"received": True}.
        event = json.loads(raw_body)
        self.on_event(event)
        return 200, {"received": True}
