"""GET /cities in three formats, chosen by the request's Accept header (content negotiation)."""

import json
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


@dataclass
class MediaRange:
    type: str
    subtype: str
    q: float


def parse_accept(header: str) -> list[MediaRange]:
    """The Accept header's media ranges. No q means q=1; a range with a q that is not 0 to 1 is left out."""
    # TODO: split on commas; each part is "type/subtype" and optional ";name=value" parameters.
    #       Lower-case the type and subtype. Keep q as a float.
    return []


def negotiate(accept: Optional[str]) -> Optional[str]:
    """The type to answer with, or None when nothing is acceptable.

    Each type takes the q of the most specific range that matches it (text/csv, then text/*, then
    */*); q=0 means "not this one"; the highest q wins, ties going to the earlier type in TYPES.
    """
    # TODO: no header (or an empty one) accepts anything: JSON.
    # TODO: otherwise find each type's q from parse_accept(accept), and pick.
    return TYPES[0]


class CitiesHandler(BaseHTTPRequestHandler):
    # HTTP/1.1: connections stay open, so every response must say where its body ends.
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if urlsplit(self.path).path != "/cities":
            body = b"not found\n"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        # TODO: Vary: Accept on every answer to GET and HEAD /cities.
        chosen = negotiate(self.headers.get("Accept"))
        # TODO: nothing acceptable (chosen is None) → 406.
        text = RENDER[chosen or TYPES[0]](CITIES)
        # TODO: Content-Type with "; charset=utf-8", and a Content-Length that counts bytes.
        self.send_response(200)
        self.send_header("Content-Type", chosen or TYPES[0])
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        self.wfile.write(text.encode("utf-8"))

    # TODO: do_HEAD: the headers of GET, and no body.
    # TODO: do_OPTIONS: 204 with an Allow header.
    # TODO: do_POST, do_PUT, do_PATCH, do_DELETE: 405 with an Allow header.
