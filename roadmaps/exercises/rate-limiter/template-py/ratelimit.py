"""A fixed-window rate limiter, used as a FastAPI dependency.

Each key (a client IP, a username…) gets `limit` requests per window of `window_ms` milliseconds.
The window starts with the key's first request; when it ends, the count starts over.
"""

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import HTTPException, Request, Response


def monotonic_ms() -> int:
    """Milliseconds from a clock that never jumps back (unlike the wall clock)."""
    return time.monotonic_ns() // 1_000_000


@dataclass
class Window:
    count: int  # requests seen in this window
    reset_at: int  # when it ends, in monotonic_ms() time


class RateLimiter:
    """`Depends(RateLimiter(...))` runs it before a route: it sets the RateLimit headers, and raises
    HTTPException(429) instead of letting the route run when the key is over its limit.

    - window_ms: window length in milliseconds, a positive int (ValueError otherwise)
    - limit:     requests allowed per window, a positive int (ValueError otherwise)
    - key:       async (request) -> str, which client a request counts for
    - now:       () -> milliseconds, the clock (tests may pass a fake one)
    """

    def __init__(
        self,
        window_ms: int,
        limit: int,
        key: Callable[[Request], Awaitable[str]],
        now: Callable[[], int] = monotonic_ms,
    ) -> None:
        # TODO: raise ValueError when window_ms or limit isn't a positive int.
        self.window_ms = window_ms
        self.limit = limit
        self.key = key
        self.now = now
        # TODO: one Window per key, e.g. a dict[str, Window], here in the instance, so each limiter
        #       has its own counts.

    async def __call__(self, request: Request, response: Response) -> None:
        # TODO, on every request:
        # 1. t = self.now(); k = await self.key(request); find the key's window, or start a new one
        #    ending at t + window_ms (also when the old one has ended, t >= reset_at). Count this request.
        # 2. Set RateLimit-Limit, RateLimit-Remaining (never below 0) and RateLimit-Reset (whole
        #    seconds until the window ends, rounded UP) on `response`: response.headers["..."] = "...".
        # 3. Over the limit: raise HTTPException(429, "...", headers={...}) with the same three
        #    headers plus Retry-After (the same seconds). The route then does not run.
        pass
