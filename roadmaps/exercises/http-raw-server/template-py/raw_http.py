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


def parse_head(head: str) -> Request | None:
    """Parses a request head (without its blank line); None when it is malformed."""
    # TODO 1: split at "\r\n". The request line is exactly three parts separated by single spaces:
    #         a method made of TOKEN_CHARS, a target starting with "/", and HTTP/1.1 or HTTP/1.0.
    # TODO 2: every other line is "Name: value": the name is TOKEN_CHARS right before the colon (no
    #         space), the value is the rest without spaces or tabs around it; store it lower-cased.
    # TODO 3: HTTP/1.1 without a Host header, or a Content-Length that is not digits only: None.
    return None


def route(request: Request) -> tuple[int, dict[str, str], str]:
    """What to answer to a well-formed request: (status, extra headers, body)."""
    # TODO 4: the path is the target before any "?". /hello: GET gets 200 and GREETING; any other
    #         method gets 405 with the header Allow: GET. Any other path gets 404.
    return (404, {}, "Not Found\n")


def keep_alive(request: Request) -> bool:
    """Whether the connection stays open after answering this request."""
    # TODO 5: read the Connection header as a comma-separated list, without regard to case.
    #         HTTP/1.1: open unless it lists "close". HTTP/1.0: closed unless it lists "keep-alive".
    return False


def serialize_response(status: int, headers: dict[str, str], body: str) -> bytes:
    """The bytes of a response: status line, headers (Date, Content-Type, Content-Length added), body."""
    # TODO 6: "HTTP/1.1 <status> <reason>\r\n", then "Name: value\r\n" for Date
    #         (email.utils.formatdate(usegmt=True)), Content-Type (text/plain; charset=utf-8),
    #         Content-Length and each of `headers`, then "\r\n", then the body. Content-Length is
    #         the number of BYTES of the body in UTF-8.
    return f"HTTP/1.1 {status} {REASONS[status]}\r\n\r\n{body}".encode()


async def handle_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Serves one connection: one request after another until one of them ends it."""
    try:
        # TODO 7: loop: read one head with `await reader.readuntil(b"\r\n\r\n")`. It waits however
        #         the bytes were split, and leaves what follows (a body, the next request) in the
        #         reader.
        #         - asyncio.IncompleteReadError: the client left. Stop.
        #         - asyncio.LimitOverrunError: the head is too large: answer 431, then stop.
        #         Decode the head with "latin-1" and parse it; None: answer 400, then stop.
        # TODO 8: skip the body (Content-Length: n): read and forget n bytes, a piece at a time
        #         (`await reader.read(min(n, 65536))` until n are gone; an empty piece means the
        #         client left). readexactly(n) would work too, but holds the whole body in memory.
        #         Answer route(request). When keep_alive(request) is False, add Connection: close
        #         and stop after the response; an HTTP/1.0 request that stays open gets
        #         Connection: keep-alive. A 400 or 431 always gets Connection: close.
        await reader.read(65536)
        writer.write(b"HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    except ConnectionError:
        # The client vanished (a reset): this connection is over, the server carries on.
        pass
    finally:
        # Sends what is still buffered, then closes the connection.
        writer.close()
        try:
            await writer.wait_closed()
        except ConnectionError:
            pass
