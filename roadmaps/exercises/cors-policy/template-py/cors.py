"""The CORS policy: which other origins' scripts may read this API's answers, and what they may send."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

# The request headers a cross-origin script may send (compared without regard to case).
ALLOWED_HEADERS = ["Content-Type", "Authorization"]
# How long (seconds) a browser may reuse a preflight's answer.
MAX_AGE = "600"


@dataclass
class CorsDecision:
    # An OPTIONS request with Access-Control-Request-Method: the caller answers it with 204 and stops.
    preflight: bool
    # The response headers to set.
    headers: dict[str, str] = field(default_factory=dict)


def parse_origins(value: str | None) -> list[str]:
    """The allowlist from CORS_ORIGINS: exact origins separated by commas, spaces around them
    ignored, empty entries dropped. "https://app.example.com, http://localhost:5173" → two origins."""
    # TODO: split on commas, strip each entry, drop the empty ones.
    return []


def is_allowed_origin(origin: str | None, allowed_origins: Sequence[str]) -> bool:
    """True only for an origin that is, character for character, one of the allowlist's."""
    # TODO: compare whole strings. No prefixes, suffixes or "in" on the text:
    #       https://app.example.com.evil.test is not https://app.example.com. A missing Origin, or
    #       the literal "null", is never allowed.
    return False


def cors_policy(
    method: str, headers: Mapping[str, str], route_methods: Sequence[str], allowed_origins: Sequence[str]
) -> CorsDecision:
    """The CORS headers for one request to a route that supports `route_methods` (["GET", "POST"]).
    `headers` is the request's headers, looked up without regard to case (self.headers)."""
    preflight = method == "OPTIONS" and headers.get("Access-Control-Request-Method") is not None
    decision = CorsDecision(preflight, {})
    # TODO: Vary on every answer: Origin; on a preflight also Access-Control-Request-Method and
    #       Access-Control-Request-Headers.
    # TODO: an origin that is not allowed gets no Access-Control-* header at all.
    # TODO: an allowed origin: Access-Control-Allow-Origin (that origin, never *) and
    #       Access-Control-Allow-Credentials: true.
    # TODO: a preflight from an allowed origin also gets Access-Control-Allow-Methods (the route's
    #       methods), Access-Control-Allow-Headers (ALLOWED_HEADERS) and Access-Control-Max-Age.
    return decision
