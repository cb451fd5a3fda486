"""W3C Trace Context, by hand: https://www.w3.org/TR/trace-context/

traceparent = version "-" trace-id "-" parent-id "-" trace-flags, all lower-case hex:
              00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
"""

import json
import re
import secrets
import sys
import threading
from dataclasses import dataclass
from email.message import Message

_stdout_lock = threading.Lock()

# The four fields of any version; what a later version adds comes after, behind a "-".
TRACEPARENT = re.compile(r"([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?", re.DOTALL)


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
    if header is None:
        return None
    # fullmatch, not match: nothing may come after the flags but a later version's "-…".
    m = TRACEPARENT.fullmatch(header)
    if m is None:
        return None
    version, trace_id, parent_id, flags, rest = m.groups()
    if version == "ff" or (version == "00" and rest is not None):
        return None
    if int(trace_id, 16) == 0 or int(parent_id, 16) == 0:
        return None
    return Traceparent(version, trace_id, parent_id, flags)


def random_hex(nbytes: int) -> str:
    """nbytes random bytes as lower-case hex, never all zeros."""
    while True:
        value = secrets.token_hex(nbytes)
        if int(value, 16) != 0:
            return value


def start_span(headers: Message) -> Span:
    """This service's span for a request: the caller's trace continued when its traceparent is
    valid, otherwise a new trace (sampled). The span id is always new."""
    parent = parse_traceparent(headers.get("traceparent"))
    if parent is None:
        return Span(trace_id=random_hex(16), span_id=random_hex(8), parent_span_id=None, sampled=True, tracestate=None)
    return Span(
        trace_id=parent.trace_id,
        span_id=random_hex(8),
        parent_span_id=parent.parent_id,
        sampled=bool(int(parent.flags, 16) & 0x01),
        tracestate=headers.get("tracestate"),
    )


def traceparent_of(span: Span) -> str:
    """The traceparent naming this span: version 00, flags 01 when sampled, 00 when not."""
    return f"00-{span.trace_id}-{span.span_id}-{'01' if span.sampled else '00'}"


def outgoing_headers(span: Span) -> dict[str, str]:
    """Headers for a call this span makes to another service: traceparent, and tracestate if it came."""
    headers = {"traceparent": traceparent_of(span)}
    if span.tracestate is not None:
        headers["tracestate"] = span.tracestate
    return headers


def log_request(span: Span, method: str, path: str, status: int) -> None:
    """One JSON line on stdout for a finished request:
    {"trace_id", "span_id", "parent_span_id", "sampled", "method", "path", "status"}."""
    line = {
        "trace_id": span.trace_id,
        "span_id": span.span_id,
        "parent_span_id": span.parent_span_id,
        "sampled": span.sampled,
        "method": method,
        "path": path,
        "status": status,
    }
    # Requests are served on several threads at once (/checkout waits for /inventory's answer while
    # /inventory logs), and print() writes the text and the newline separately: one lock, one write.
    with _stdout_lock:
        sys.stdout.write(json.dumps(line) + "\n")
        sys.stdout.flush()
