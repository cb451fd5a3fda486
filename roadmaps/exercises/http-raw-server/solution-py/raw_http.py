"""HTTP/1.1 by hand on one connection: read requests, answer them, keep the connection open or close it."""

import asyncio
import email.utils
from dataclasses import dataclass

# The longest request head accepted, in bytes, up to and including its blank line.
MAX_HEAD_BYTES = 8192
# What main.py gives the reader as its limit: readuntil(b"\r\n\r\n") then refuses a head whose
# blank line is not within MAX_HEAD_BYTES.
READ_LIMIT = MAX_HEAD_BYTES - 4
# The body of GET /hello. Count its bytes for Content-Length, not its characters.
GREETING = "Hello, world! 👋\n"
REASONS = {
    200: "OK",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    431: "Request Header Fields Too Large",
}
# A method or a header name: one or more of these characters (RFC 9110's "token").
TOKEN_CHARS = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@dataclass
class Request:
    method: str
    target: str  # the path and, after "?", the query: /hello?name=ada
    version: str  # "HTTP/1.1" or "HTTP/1.0"
    headers: dict[str, str]  # lower-case names; a repeated header's values joined with ", "


def is_token(text: str) -> bool:
    return text != "" and all(c in TOKEN_CHARS for c in text)


def parse_head(head: str) -> Request | None:
    """Parses a request head (without its blank line); None when it is malformed."""
    request_line, *header_lines = head.split("\r\n")
    parts = request_line.split(" ")
    if len(parts) != 3:
        return None
    method, target, version = parts
    if not is_token(method) or not target.startswith("/") or version not in ("HTTP/1.1", "HTTP/1.0"):
        return None
    headers: dict[str, str] = {}
    for line in header_lines:
        name, colon, value = line.partition(":")
        if not colon or not is_token(name):
            return None
        key = name.lower()
        value = value.strip(" \t")
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    if version == "HTTP/1.1" and "host" not in headers:
        return None
    length = headers.get("content-length")
    if length is not None and not (length.isascii() and length.isdigit()):
        return None
    return Request(method, target, version, headers)


def route(request: Request) -> tuple[int, dict[str, str], str]:
    """What to answer to a well-formed request: (status, extra headers, body)."""
    path = request.target.partition("?")[0]
    if path != "/hello":
        return (404, {}, "Not Found\n")
    if request.method != "GET":
        return (405, {"Allow": "GET"}, "Method Not Allowed\n")
    return (200, {}, GREETING)


def keep_alive(request: Request) -> bool:
    """Whether the connection stays open after answering this request."""
    options = {option.strip().lower() for option in request.headers.get("connection", "").split(",")}
    if request.version == "HTTP/1.0":
        return "keep-alive" in options
    return "close" not in options


def serialize_response(status: int, headers: dict[str, str], body: str) -> bytes:
    """The bytes of a response: status line, headers (Date, Content-Type, Content-Length added), body."""
    payload = body.encode("utf-8")
    fields = {
        "Date": email.utils.formatdate(usegmt=True),
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Length": str(len(payload)),
        **headers,
    }
    head = f"HTTP/1.1 {status} {REASONS[status]}\r\n" + "".join(f"{name}: {value}\r\n" for name, value in fields.items())
    return (head + "\r\n").encode("latin-1") + payload


def refusal(status: int) -> bytes:
    return serialize_response(status, {"Connection": "close"}, f"{REASONS[status]}\n")


async def skip(reader: asyncio.StreamReader, length: int) -> None:
    """Reads and forgets `length` bytes, a piece at a time: a huge body never sits in memory."""
    while length > 0:
        piece = await reader.read(min(length, 65536))
        if not piece:
            raise asyncio.IncompleteReadError(b"", length)
        length -= len(piece)


async def handle_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Serves one connection: one request after another until one of them ends it."""
    try:
        while True:
            try:
                raw = await reader.readuntil(b"\r\n\r\n")
            except asyncio.IncompleteReadError:
                return  # The client closed the connection, maybe in the middle of a head.
            except asyncio.LimitOverrunError:
                writer.write(refusal(431))
                return
            request = parse_head(raw[:-4].decode("latin-1"))
            if request is None:
                writer.write(refusal(400))
                return
            # The body is not used, but its bytes must go, or they would be read as the next request.
            await skip(reader, int(request.headers.get("content-length", "0")))
            status, headers, body = route(request)
            stay = keep_alive(request)
            if not stay:
                headers = {**headers, "Connection": "close"}
            elif request.version == "HTTP/1.0":
                headers = {**headers, "Connection": "keep-alive"}
            writer.write(serialize_response(status, headers, body))
            await writer.drain()
            if not stay:
                return
    except (ConnectionError, asyncio.IncompleteReadError):
        # The client vanished (a reset, or gone in the middle of a body): the server carries on.
        pass
    finally:
        # Sends what is still buffered, then closes the connection.
        writer.close()
        try:
            await writer.wait_closed()
        except ConnectionError:
            pass
