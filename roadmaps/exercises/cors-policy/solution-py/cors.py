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
    return [origin.strip() for origin in (value or "").split(",") if origin.strip()]


def is_allowed_origin(origin: str | None, allowed_origins: Sequence[str]) -> bool:
    """True only for an origin that is, character for character, one of the allowlist's."""
    return origin is not None and origin in allowed_origins


def cors_policy(
    method: str, headers: Mapping[str, str], route_methods: Sequence[str], allowed_origins: Sequence[str]
) -> CorsDecision:
    """The CORS headers for one request to a route that supports `route_methods` (["GET", "POST"]).
    `headers` is the request's headers, looked up without regard to case (self.headers)."""
    preflight = method == "OPTIONS" and headers.get("Access-Control-Request-Method") is not None
    # Whether the CORS headers are sent, and which, depends on these request headers: caches must
    # keep one copy per value.
    vary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers" if preflight else "Origin"
    decision = CorsDecision(preflight, {"Vary": vary})
    origin = headers.get("Origin")
    if not is_allowed_origin(origin, allowed_origins):
        return decision

    decision.headers["Access-Control-Allow-Origin"] = origin
    decision.headers["Access-Control-Allow-Credentials"] = "true"
    if preflight:
        decision.headers["Access-Control-Allow-Methods"] = ", ".join(route_methods)
        decision.headers["Access-Control-Allow-Headers"] = ", ".join(ALLOWED_HEADERS)
        decision.headers["Access-Control-Max-Age"] = MAX_AGE
    return decision
