"""Content negotiation for compression. Read README.md first; it lists every rule the check tests."""

import gzip
import re

from fastapi import Request, Response
from fastapi.responses import JSONResponse

TEXT_TYPES = re.compile(r"^(text/|application/json|application/javascript|image/svg\+xml)", re.IGNORECASE)
# identity when nothing names it: acceptable, but behind any coding that is listed.
UNLISTED_IDENTITY = 0.0001


def parse_accept_encoding(header: str) -> dict[str, float]:
    """Accept-Encoding as a dict from coding (lower case) to its q value (0 to 1, default 1).

    "gzip;q=0.8, br, *;q=0.1" -> {"gzip": 0.8, "br": 1.0, "*": 0.1}
    """
    codings: dict[str, float] = {}
    for entry in header.split(","):
        name, *params = [part.strip() for part in entry.split(";")]
        if not name:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = -1.0  # a q that does not parse: the entry is ignored
        if q >= 0:
            codings[name.lower()] = min(q, 1.0)
    return codings


def is_compressible(content_type: str, size: int) -> bool:
    """Is a body of this type and size worth compressing? Text-like types of at least 1024 bytes."""
    return bool(TEXT_TYPES.match(content_type)) and size >= 1024


def choose_encoding(header: str | None, compressible: bool) -> str | None:
    """"gzip", "identity", or None when no acceptable coding is left (a 406), for this
    Accept-Encoding header (None when the request had none) and a body that is or is not worth
    compressing."""
    if header is None:
        return "identity"
    codings = parse_accept_encoding(header)
    star = codings.get("*")
    q_gzip = codings.get("gzip", star if star is not None else 0.0)
    q_identity = codings.get("identity", star if star is not None else UNLISTED_IDENTITY)
    if q_gzip > 0 and (q_identity == 0 or (compressible and q_gzip >= q_identity)):
        return "gzip"
    return "identity" if q_identity > 0 else None


def negotiated_response(request: Request, status: int, content_type: str, body: bytes) -> Response:
    """The body, compressed when choose_encoding says so, with Vary: Accept-Encoding on every answer."""
    encoding = choose_encoding(request.headers.get("accept-encoding"), is_compressible(content_type, len(body)))
    # Whatever was chosen, the answer depends on Accept-Encoding: caches must key on it.
    vary = {"Vary": "Accept-Encoding"}
    if encoding is None:
        error = {"error": "No acceptable content coding: this server offers gzip and identity"}
        return JSONResponse(error, status_code=406, headers=vary)
    if encoding == "gzip":
        return Response(gzip.compress(body), status_code=status, media_type=content_type, headers={**vary, "Content-Encoding": "gzip"})
    return Response(body, status_code=status, media_type=content_type, headers=vary)
