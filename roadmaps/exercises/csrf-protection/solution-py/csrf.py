"""CSRF defences for state-changing requests: a per-session synchronizer token, and the Origin check."""

import hmac
import secrets

from fastapi import Request

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def new_token() -> str:
    """A new CSRF token for a session: 32 random bytes as base64url."""
    return secrets.token_urlsafe(32)


def csrf_problem(request: Request, session: dict[str, str] | None, app_origin: str) -> str | None:
    """Why the request must be refused, or None when it may go ahead."""
    if request.method in SAFE_METHODS:
        return None
    # The browser sets Origin on cross-site requests and a page cannot fake it: compare it whole.
    origin = request.headers.get("origin")
    if origin is not None and origin != app_origin:
        return f"requests from {origin} are not allowed"
    sent = request.headers.get("x-csrf-token")
    expected = session.get("csrfToken") if session else None
    if not sent or not expected:
        return "missing CSRF token"
    if not hmac.compare_digest(sent.encode(), expected.encode()):
        return "wrong CSRF token"
    return None
