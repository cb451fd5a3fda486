"""HTTP caching rules: validators on GET, conditional GETs answered with 304, conditional PUTs.

Read README.md first; it lists every rule the check tests.
"""

import hashlib
import re
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime

from fastapi import Request, Response

ENTITY_TAG = re.compile(r'(?:W/)?"[^"]*"')


def etag_of(content: bytes) -> str:
    """A strong ETag for these bytes: a hash of the content, in double quotes.

    The same bytes always give the same ETag; different bytes give a different one.
    """
    return f'"{hashlib.sha256(content).hexdigest()}"'


def tags(header: str) -> list[str]:
    """["*"], or each entity-tag of an If-None-Match / If-Match list, as written."""
    if header.strip() == "*":
        return ["*"]
    return ENTITY_TAG.findall(header)


def opaque(tag: str) -> str:
    return tag[2:] if tag.startswith("W/") else tag


def parse_http_date(value: str) -> datetime | None:
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    # A date without a zone ("-0000") comes back naive; HTTP dates are UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def not_modified(request: Request, etag: str, last_modified: datetime) -> bool:
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        # If-None-Match decides alone, with the weak comparison.
        return any(tag == "*" or opaque(tag) == opaque(etag) for tag in tags(if_none_match))
    since = parse_http_date(request.headers.get("if-modified-since", ""))
    return since is not None and last_modified <= since


def cacheable_response(request: Request, content: bytes, last_modified: datetime) -> Response:
    """Answers a GET with this JSON representation.

    200 with the body, or 304 Not Modified with no body when the client's copy is still good.
    """
    etag = etag_of(content)
    headers = {
        "ETag": etag,
        "Last-Modified": format_datetime(last_modified, usegmt=True),
        "Cache-Control": "no-cache",
    }
    if not_modified(request, etag, last_modified):
        return Response(status_code=304, headers=headers)
    return Response(content, media_type="application/json", headers=headers)


def precondition_failure(request: Request, current_etag: str) -> int | None:
    """May a PUT replace the resource whose current ETag is current_etag?

    None when it may; otherwise the status to answer: 428 without If-Match, 412 when If-Match
    does not match.
    """
    if_match = request.headers.get("if-match")
    if if_match is None:
        return 428

    def strong_match(tag: str) -> bool:
        return not tag.startswith("W/") and not current_etag.startswith("W/") and tag == current_etag

    return None if any(tag == "*" or strong_match(tag) for tag in tags(if_match)) else 412
