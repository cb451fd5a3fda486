"""GET /cities in three formats, chosen by the request's Accept header (content negotiation)."""

import json
import re
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Callable, Optional
from urllib.parse import urlsplit

# The data: names with letters outside ASCII, so bytes and characters differ.
CITIES = [
    {"name": "Zürich", "country": "CH"},
    {"name": "São Paulo", "country": "BR"},
    {"name": "東京", "country": "JP"},
]

# The media types GET /cities can produce, in the server's order of preference (for ties).
TYPES = ["application/json", "text/csv", "text/plain"]
ALLOW = "GET, HEAD, OPTIONS"

# Each representation of the list, as text (done for you).
RENDER: dict[str, Callable[[list[dict[str, str]]], str]] = {
    "application/json": lambda cities: json.dumps(cities, ensure_ascii=False),
    "text/csv": lambda cities: "".join(
        f"{line}\r\n" for line in ["name,country", *(f"{c['name']},{c['country']}" for c in cities)]
    ),
    "text/plain": lambda cities: "".join(f"{c['name']} ({c['country']})\n" for c in cities),
}

_Q = re.compile(r"^(0(\.\d{0,3})?|1(\.0{0,3})?)$")


@dataclass
class MediaRange:
    type: str
    subtype: str
    q: float


def parse_accept(header: str) -> list[MediaRange]:
    """The Accept header's media ranges. No q means q=1; a range with a q that is not 0 to 1 is left out."""
    ranges = []
    for part in header.split(","):
        range_, *params = [s.strip() for s in part.split(";")]
        type_, _, subtype = range_.lower().partition("/")
        if not type_ or not subtype:
            continue
        q: Optional[float] = 1.0
        for param in params:
            name, _, value = (s.strip() for s in param.partition("="))
            if name.lower() == "q":
                q = float(value) if _Q.match(value) else None
        if q is not None:
            ranges.append(MediaRange(type_, subtype, q))
    return ranges


def negotiate(accept: Optional[str]) -> Optional[str]:
    """The type to answer with, or None when nothing is acceptable.

    Each type takes the q of the most specific range that matches it (text/csv, then text/*, then
    */*); q=0 means "not this one"; the highest q wins, ties going to the earlier type in TYPES.
    """
    if accept is None or accept.strip() == "":
        return TYPES[0]
    ranges = parse_accept(accept)
    best, best_q = None, 0.0
    for media_type in TYPES:
        type_, subtype = media_type.split("/")

        def specificity(r: MediaRange) -> int:
            if r.type == type_ and r.subtype == subtype:
                return 3
            if r.type == type_ and r.subtype == "*":
                return 2
            return 1 if r.type == "*" and r.subtype == "*" else 0

        matching = [r for r in ranges if specificity(r) > 0]
        if not matching:
            continue
        q = max(matching, key=specificity).q
        if q > best_q:
            best, best_q = media_type, q
    return best


class CitiesHandler(BaseHTTPRequestHandler):
    # HTTP/1.1: connections stay open, so every response must say where its body ends.
    protocol_version = "HTTP/1.1"

    def _send(self, status: int, headers: dict[str, str], body: bytes = b"", include_body: bool = True) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if include_body:
            self.wfile.write(body)

    def _not_found(self) -> bool:
        if urlsplit(self.path).path == "/cities":
            return False
        body = b"not found\n"
        self._send(404, {"Content-Type": "text/plain; charset=utf-8", "Content-Length": str(len(body))}, body)
        return True

    def _cities(self, include_body: bool) -> None:
        if self._not_found():
            return
        chosen = negotiate(self.headers.get("Accept"))
        if chosen is None:
            status, content_type = 406, "text/plain; charset=utf-8"
            text = f"Not acceptable. Available: {', '.join(TYPES)}\n"
        else:
            status, content_type, text = 200, f"{chosen}; charset=utf-8", RENDER[chosen](CITIES)
        body = text.encode("utf-8")  # Content-Length counts these bytes, not the characters of text
        headers = {"Content-Type": content_type, "Content-Length": str(len(body)), "Vary": "Accept"}
        # HEAD: the same headers as GET, and no body.
        self._send(status, headers, body, include_body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._cities(include_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._cities(include_body=False)

    def do_OPTIONS(self) -> None:  # noqa: N802
        if not self._not_found():
            self._send(204, {"Allow": ALLOW})

    def _not_allowed(self) -> None:
        # A body sent with the request must be read, or it would be taken for the next request.
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if not self._not_found():
            body = f"{self.command} is not allowed here\n".encode("utf-8")
            self._send(
                405, {"Allow": ALLOW, "Content-Type": "text/plain; charset=utf-8", "Content-Length": str(len(body))}, body
            )

    do_POST = do_PUT = do_PATCH = do_DELETE = _not_allowed
