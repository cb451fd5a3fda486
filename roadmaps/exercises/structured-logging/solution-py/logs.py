"""Structured logging: JSON lines on stdout, a request id per request, one access line per request."""

import contextvars
import json
import logging
import re
import sys
import time
import uuid
from datetime import datetime, timezone

from fastapi import Request

# The current request's id, for every line logged while the request is handled (None outside one).
request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)

log = logging.getLogger("app")

VALID_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
SECRET_HEADERS = {"authorization", "cookie"}


class JsonFormatter(logging.Formatter):
    """One JSON object per record: level, time, msg, requestId (inside a request), and the fields
    passed as extra={"fields": {...}}."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "level": record.levelname.lower(),
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(),
            "msg": record.getMessage(),
        }
        request_id = request_id_var.get()
        if request_id is not None:
            line["requestId"] = request_id
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


def setup_logging(level: str) -> None:
    """Every logger's lines, from `level` up ("debug", "info", ...), as JSON on stdout."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())


def request_id_of(header: str | None) -> str:
    """The caller's X-Request-Id if valid (1 to 64 of A-Z a-z 0-9 . _ -), else a new random UUID."""
    if header is not None and VALID_ID.fullmatch(header):
        return header
    return str(uuid.uuid4())


def redacted_headers(request: Request) -> dict[str, str]:
    """The request headers by lower-case name, with authorization and cookie as "[REDACTED]"."""
    headers: dict[str, str] = {}
    for name in request.headers.keys():
        values = request.headers.getlist(name)
        headers[name] = "[REDACTED]" if name in SECRET_HEADERS else ", ".join(values)
    return headers


def route_of(request: Request) -> str:
    """The matched route's template ("/api/books/{id}"), or "unmatched"."""
    route = request.scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


async def request_logging(request: Request, call_next):
    """Around every request: its id (request_id_var, and the X-Request-Id response header), and one
    access line once the response is ready."""
    request_id = request_id_of(request.headers.get("x-request-id"))
    token = request_id_var.set(request_id)
    started = time.perf_counter()
    status = 500
    try:
        response = await call_next(request)
        status = response.status_code
        response.headers["X-Request-Id"] = request_id
        return response
    finally:
        level = logging.ERROR if status >= 500 else logging.WARNING if status >= 400 else logging.INFO
        fields = {
            "method": request.method,
            "route": route_of(request),
            "status": status,
            "durationMs": (time.perf_counter() - started) * 1000,
            "headers": redacted_headers(request),
        }
        log.log(level, "request completed", extra={"fields": fields})
        request_id_var.reset(token)
