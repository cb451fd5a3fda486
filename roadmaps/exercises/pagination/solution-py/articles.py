"""GET /articles?limit=10&cursor=...&tag=sql  ->  {"data": [...], "nextCursor": "..." | null}

The articles come from seed.py (done for you); a fresh start of the program always has the same 50.
"""

import base64
import binascii
import re
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Response

from seed import create_articles

DEFAULT_LIMIT = 10
MAX_LIMIT = 100

router = APIRouter()
articles = create_articles()


@router.get("/articles")
async def list_articles(
    response: Response, limit: str | None = None, cursor: str | None = None, tag: str | None = None
) -> dict[str, Any]:
    size = parse_limit(limit)
    if size is None:
        raise HTTPException(400, f"limit must be a whole number from 1 to {MAX_LIMIT}")

    # One sort key for the order and for the cursor: (createdAt, id), newest first. The id makes
    # the order total, so a page boundary inside a tie neither repeats nor skips an article.
    def key(article: dict[str, Any]) -> tuple[str, int]:
        return (article["createdAt"], article["id"])

    rows = sorted((a for a in articles if tag is None or tag in a["tags"]), key=key, reverse=True)

    if cursor is not None:
        article_id = decode_cursor(cursor)
        last = next((a for a in articles if a["id"] == article_id), None) if article_id else None
        if last is None:
            raise HTTPException(400, "cursor is not valid: start again from the first page")
        # Keyset: everything strictly after the last article seen, in the same order.
        rows = [a for a in rows if key(a) < key(last)]

    page = rows[:size]
    next_cursor = encode_cursor(page[-1]["id"]) if len(rows) > size else None
    if next_cursor is not None:
        params = {"limit": size, **({"tag": tag} if tag is not None else {}), "cursor": next_cursor}
        response.headers["Link"] = f'</articles?{urlencode(params)}>; rel="next"'
    return {"data": page, "nextCursor": next_cursor}


def parse_limit(raw: str | None) -> int | None:
    if raw is None:
        return DEFAULT_LIMIT
    # Digits only: int() alone would accept " 7", "+7" and "1_0".
    if not re.fullmatch(r"[0-9]+", raw):
        return None
    value = int(raw)
    return value if 1 <= value <= MAX_LIMIT else None


def encode_cursor(article_id: int) -> str:
    """The cursor is opaque to clients: they pass it back, they never build or read it.

    base64url of the id as text, without the "=" padding: 26 -> "MjY".
    """
    return base64.urlsafe_b64encode(str(article_id).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int | None:
    """The article id inside a cursor, or None when it is not a cursor this API made."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    if not re.fullmatch(r"[1-9][0-9]*", text):
        return None
    # Decoding skips characters it does not know; the round trip accepts only what we produce.
    return int(text) if encode_cursor(int(text)) == cursor else None
