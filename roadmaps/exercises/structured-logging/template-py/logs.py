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


class JsonFormatter(logging.Formatter):
    """One JSON object per record: level, time, msg, requestId (inside a request), and the fields
    passed as extra={"fields": {...}}."""

    def format(self, record: logging.LogRecord) -> str:
        # TODO 1: build the object: "level" (record.levelname in lower case), "time" (ISO 8601, from
        # record.created), "msg" (record.getMessage()), "requestId" from request_id_var when set,
        # and the entries of getattr(record, "fields", {}). json.dumps it (default=str).
        return super().format(record)


def setup_logging(level: str) -> None:
    """Every logger's lines, from `level` up ("debug", "info", ...), as JSON on stdout."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)  # TODO 2: the level given (level.upper())


def request_id_of(header: str | None) -> str:
    """The caller's X-Request-Id if valid (1 to 64 of A-Z a-z 0-9 . _ -), else a new random UUID."""
    # TODO 3: validate; otherwise str(uuid.uuid4()).
    return header or "TODO"


def redacted_headers(request: Request) -> dict[str, str]:
    """The request headers by lower-case name, with authorization and cookie as "[REDACTED]"."""
    # TODO 4
    return dict(request.headers)


def route_of(request: Request) -> str:
    """The matched route's template ("/api/books/{id}"), or "unmatched"."""
    route = request.scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


async def request_logging(request: Request, call_next):
    """Around every request: its id (request_id_var, and the X-Request-Id response header), and one
    access line once the response is ready."""
    # TODO 5: the id; request_id_var.set(...) (and .reset(token) at the end); time.perf_counter();
    # the response header; and the line: log.log(level, "request completed", extra={"fields": {...}})
    # with method, route, status, durationMs and headers, at ERROR / WARNING / INFO by status.
    return await call_next(request)
