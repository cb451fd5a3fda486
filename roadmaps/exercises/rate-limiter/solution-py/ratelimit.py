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


def _positive_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{name} must be a positive int, got {value!r}")
    return value


class RateLimiter:
    """`Depends(RateLimiter(...))` runs it before a route: it sets the RateLimit headers, and raises
    HTTPException(429) instead of letting the route run when the key is over its limit."""

    def __init__(
        self,
        window_ms: int,
        limit: int,
        key: Callable[[Request], Awaitable[str]],
        now: Callable[[], int] = monotonic_ms,
    ) -> None:
        self.window_ms = _positive_int("window_ms", window_ms)
        self.limit = _positive_int("limit", limit)
        self.key = key
        self.now = now
        # Per instance, so two limiters never share counts. In memory, so per process: several
        # servers would need a shared store such as Redis (INCR + PEXPIRE).
        self.windows: dict[str, Window] = {}
        self.next_sweep = 0

    async def __call__(self, request: Request, response: Response) -> None:
        k = await self.key(request)
        # From here on nothing awaits, so no other request runs in between: no lock needed.
        t = self.now()
        if t >= self.next_sweep:
            # Forget ended windows now and then, so keys seen once do not stay forever.
            self.windows = {key: w for key, w in self.windows.items() if t < w.reset_at}
            self.next_sweep = t + self.window_ms

        window = self.windows.get(k)
        if window is None or t >= window.reset_at:
            window = self.windows[k] = Window(count=0, reset_at=t + self.window_ms)
        window.count += 1

        # Whole seconds, rounded up in integers: 1450 ms -> 2, 400 ms -> 1, never 0 while limited.
        seconds = -(-(window.reset_at - t) // 1000)
        headers = {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(max(0, self.limit - window.count)),
            "RateLimit-Reset": str(seconds),
        }
        if window.count > self.limit:
            raise HTTPException(
                429,
                f"Too many requests, try again in {seconds} seconds",
                headers={**headers, "Retry-After": str(seconds)},
            )
        response.headers.update(headers)
