"""GET /articles?limit=10&cursor=...&tag=sql  ->  {"data": [...], "nextCursor": "..." | null}

The articles come from seed.py (done for you); a fresh start of the program always has the same 50.
"""

import base64
from typing import Any

from fastapi import APIRouter, HTTPException, Response

from seed import create_articles

DEFAULT_LIMIT = 10
MAX_LIMIT = 100

router = APIRouter()
articles = create_articles()


# The query parameters are declared as plain text on purpose: "limit" arrives as the client wrote it
# ("10", "abc", "2.5", or "" for ?limit=), or None when it is missing, and you decide what is valid.
@router.get("/articles")
async def list_articles(
    response: Response, limit: str | None = None, cursor: str | None = None, tag: str | None = None
) -> dict[str, Any]:
    # TODO 1: limit: DEFAULT_LIMIT when missing; otherwise a whole number from 1 to MAX_LIMIT
    #         written in digits only, else raise HTTPException(400, "...") (main.py turns it into
    #         {"error": "..."}).
    # TODO 2: order newest first: createdAt descending, and id descending when createdAt is equal.
    #         sorted() gives a new list; leave `articles` itself as it is.
    # TODO 3: ?tag=sql keeps only articles whose tags include "sql".
    # TODO 4: ?cursor=...: decode_cursor() it; keep only the articles after that one in the order
    #         above. A cursor that does not decode to a known article id answers 400.
    # TODO 5: if more articles follow this page, nextCursor = encode_cursor(id of the page's last
    #         article), and set response.headers["Link"] = '</articles?limit=..&cursor=..>; rel="next"'
    #         (keep tag in it too). Otherwise nextCursor is None and there is no Link header.
    return {"data": articles[:DEFAULT_LIMIT], "nextCursor": None}


def encode_cursor(article_id: int) -> str:
    """The cursor is opaque to clients: they pass it back, they never build or read it.

    base64url of the id as text, without the "=" padding: 26 -> "MjY".
    """
    return base64.urlsafe_b64encode(str(article_id).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int | None:
    """The article id inside a cursor, or None when it is not a cursor this API made."""
    # TODO: base64.urlsafe_b64decode wants the padding back (add "=" until the length is a multiple
    # of 4) and raises binascii.Error for text it cannot decode; .decode() of the bytes raises
    # UnicodeDecodeError when they are not text. Catch both and return None. Check the text is a
    # positive whole number, and that encode_cursor(id) == cursor: that accepts only what you made.
    return None
