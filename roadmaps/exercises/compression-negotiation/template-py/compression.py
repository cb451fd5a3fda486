"""Content negotiation for compression. Read README.md first; it lists every rule the check tests."""

import gzip  # noqa: F401  (for negotiated_response)

from fastapi import Request, Response


def parse_accept_encoding(header: str) -> dict[str, float]:
    """Accept-Encoding as a dict from coding (lower case) to its q value (0 to 1, default 1).

    "gzip;q=0.8, br, *;q=0.1" -> {"gzip": 0.8, "br": 1.0, "*": 0.1}
    """
    # TODO 1: split on commas; each entry is a coding and optional parameters after ";" (q=...).
    return {}


def is_compressible(content_type: str, size: int) -> bool:
    """Is a body of this type and size worth compressing? Text-like types of at least 1024 bytes."""
    # TODO 2: text/*, application/json, application/javascript, image/svg+xml; size >= 1024.
    return True


def choose_encoding(header: str | None, compressible: bool) -> str | None:
    """"gzip", "identity", or None when no acceptable coding is left (a 406), for this
    Accept-Encoding header (None when the request had none) and a body that is or is not worth
    compressing."""
    # TODO 3: the rules of the README: the q of gzip and of identity (own entry, else "*", else the
    #   defaults), then gzip, identity or None.
    return "identity"


def negotiated_response(request: Request, status: int, content_type: str, body: bytes) -> Response:
    """The body, compressed when choose_encoding says so, with Vary: Accept-Encoding on every answer."""
    # TODO 4: Vary: Accept-Encoding; gzip: Content-Encoding: gzip and gzip.compress(body);
    #   None: 406 with a JSON error.
    return Response(body, status_code=status, media_type=content_type)
