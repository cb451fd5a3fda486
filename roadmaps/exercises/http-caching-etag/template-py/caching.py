"""HTTP caching rules: validators on GET, conditional GETs answered with 304, conditional PUTs.

Read README.md first; it lists every rule the check tests.
"""

import hashlib  # noqa: F401  (for etag_of)
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime  # noqa: F401  (HTTP dates)

from fastapi import Request, Response


def etag_of(content: bytes) -> str:
    """A strong ETag for these bytes: a hash of the content, in double quotes.

    The same bytes always give the same ETag; different bytes give a different one.
    """
    # TODO: hash the bytes (hashlib.sha256(...).hexdigest()) and put the digest in double quotes.
    # No W/ in front: this is a strong validator.
    raise NotImplementedError("TODO: etag_of is not written yet")


def cacheable_response(request: Request, content: bytes, last_modified: datetime) -> Response:
    """Answers a GET with this JSON representation.

    200 with the body, or 304 Not Modified with no body when the client's copy is still good.
    """
    # TODO 1: headers on every answer (200 and 304): ETag (etag_of(content)), Last-Modified
    #   (format_datetime(last_modified, usegmt=True)) and Cache-Control: no-cache.
    # TODO 2: If-None-Match (request.headers.get("if-none-match")): "*" or a comma-separated list
    #   of tags, compared weakly (W/"x" matches "x"). A match answers 304 with no body.
    # TODO 3: only when there is no If-None-Match: If-Modified-Since (an HTTP date). Not modified
    #   since then (last_modified <= that date) answers 304; a date that does not parse is ignored.
    return Response(content, media_type="application/json")


def precondition_failure(request: Request, current_etag: str) -> int | None:
    """May a PUT replace the resource whose current ETag is current_etag?

    None when it may; otherwise the status to answer: 428 without If-Match, 412 when If-Match
    does not match.
    """
    # TODO: If-Match (request.headers.get("if-match")) is required (428 without it). "*" or a list
    #   of tags, compared strongly: a weak tag (W/"...") never matches. No match: 412.
    return None
