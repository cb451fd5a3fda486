"""Receiving signed webhooks. Read README.md first; it lists every rule the check tests.

The sender signs each delivery: Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>
where the HMAC (key: the shared secret) is over f"{t}." + the raw body.
"""

import hashlib
import hmac
import json
from typing import Any, Callable


def parse_header(header: str | None) -> tuple[int, list[str]] | None:
    """(t, [v1, ...]) from the header, or None when it is missing or malformed."""
    if header is None:
        return None
    t: int | None = None
    v1: list[str] = []
    for part in header.split(","):
        key, sep, value = part.partition("=")
        if not sep:
            return None
        key, value = key.strip(), value.strip()
        if key == "t":
            if t is not None or not value.isascii() or not value.isdigit():
                return None
            t = int(value)
        elif key == "v1":
            v1.append(value)
    if t is None or not v1:
        return None
    return t, v1


def verify_signature(header: str | None, raw_body: bytes, secret: str, tolerance_seconds: int, now: int) -> str | None:
    """Is this delivery authentic and fresh? None when it is; otherwise the reason it is not."""
    parsed = parse_header(header)
    if parsed is None:
        return "Webhook-Signature must be t=<unix seconds>,v1=<hex signature>"
    t, candidates = parsed
    if abs(now - t) > tolerance_seconds:
        return f"The timestamp is more than {tolerance_seconds} s away from now"
    expected = hmac.new(secret.encode(), f"{t}.".encode() + raw_body, hashlib.sha256).hexdigest()
    # compare_digest takes time independent of where the strings differ (and copes with unequal lengths).
    if any(hmac.compare_digest(candidate.encode(), expected.encode()) for candidate in candidates):
        return None
    return "No v1 signature matches"


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
        # Accepted ids and when. Twice the tolerance is enough: older deliveries fail the time check.
        self.accepted: dict[str, int] = {}

    def handle(self, header: str | None, raw_body: bytes) -> tuple[int, dict[str, Any]]:
        at = self.now()
        reason = verify_signature(header, raw_body, self.secret, self.tolerance_seconds, at)
        if reason is not None:
            return 400, {"error": reason}
        try:
            event = json.loads(raw_body)
        except ValueError:
            return 400, {"error": "The body is not JSON"}
        if not isinstance(event, dict) or not isinstance(event.get("id"), str):
            return 400, {"error": "The event needs a string id"}
        self.accepted = {i: when for i, when in self.accepted.items() if at - when <= 2 * self.tolerance_seconds}
        if event["id"] in self.accepted:
            return 200, {"received": True, "duplicate": True}
        self.accepted[event["id"]] = at
        self.on_event(event)
        return 200, {"received": True}
