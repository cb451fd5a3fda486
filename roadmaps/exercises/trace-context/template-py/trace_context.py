"""W3C Trace Context, by hand: https://www.w3.org/TR/trace-context/

traceparent = version "-" trace-id "-" parent-id "-" trace-flags, all lower-case hex:
              00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
"""

import json  # noqa: F401 (for log_request)
import secrets  # noqa: F401 (for random_hex)
import sys  # noqa: F401 (for log_request)
import threading  # noqa: F401 (for log_request)
from dataclasses import dataclass
from email.message import Message


@dataclass(frozen=True)
class Traceparent:
    version: str
    trace_id: str
    parent_id: str
    flags: str


@dataclass(frozen=True)
class Span:
    trace_id: str
    span_id: str
    parent_span_id: str | None  # the caller's span id, None for a new trace
    sampled: bool
    tracestate: str | None  # the tracestate to pass on, or None


def parse_traceparent(header: str | None) -> Traceparent | None:
    """The parts of a traceparent header, or None when it is missing or invalid.

    Version 00 is exactly 55 characters; a later version (not ff) may carry more after the flags,
    behind a "-", and its first four fields are read the same way.
    """
    # TODO 1: check the version (two lower-case hex digits, not ff) and the length, the three dashes,
    # then slice out trace_id (32), parent_id (16) and flags (2): lower-case hex only, and neither id
    # all zeros.
    return None


def random_hex(nbytes: int) -> str:
    """nbytes random bytes as lower-case hex, never all zeros."""
    # TODO 2: secrets.token_hex(nbytes); draw again if it is all zeros.
    return "0" * (nbytes * 2)


def start_span(headers: Message) -> Span:
    """This service's span for a request: the caller's trace continued when its traceparent is
    valid, otherwise a new trace (sampled). The span id is always new."""
    # TODO 3: parse_traceparent(headers.get("traceparent")). Valid: keep its trace_id, a new span_id,
    # its parent_id as parent_span_id, sampled from bit 0 of its flags, headers.get("tracestate").
    # Otherwise a new trace_id and span_id, parent_span_id None, sampled True, tracestate None.
    return Span(trace_id=random_hex(16), span_id=random_hex(8), parent_span_id=None, sampled=False, tracestate=None)


def traceparent_of(span: Span) -> str:
    """The traceparent naming this span: version 00, flags 01 when sampled, 00 when not."""
    # TODO 4
    return ""


def outgoing_headers(span: Span) -> dict[str, str]:
    """Headers for a call this span makes to another service: traceparent, and tracestate if it came."""
    # TODO 5
    return {}


def log_request(span: Span, method: str, path: str, status: int) -> None:
    """One JSON line on stdout for a finished request:
    {"trace_id", "span_id", "parent_span_id", "sampled", "method", "path", "status"}."""
    # TODO 6: json.dumps({...}) + "\n", written with one sys.stdout.write under a lock, then flushed
    # (several requests are served at once, on threads).
