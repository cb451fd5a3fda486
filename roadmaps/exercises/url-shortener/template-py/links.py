"""The link routes: create a short link, read its stats, follow it."""

import json
from datetime import datetime, timezone  # noqa: F401 (you will need them)
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import RedirectResponse  # noqa: F401 (you will need it)

from codes import random_code
from repository import MemoryRepository
from validation import is_http_url, is_valid_alias  # noqa: F401 (you will need them)

# Random codes rarely collide; when they keep colliding, something is wrong (a full code space,
# a broken generator), so give up instead of looping forever.
MAX_ATTEMPTS = 5

router = APIRouter()
repo = MemoryRepository()
generate_code = random_code  # new short codes; a test could swap in a predictable one


@router.post("/api/links", status_code=201)
async def create_link(request: Request, response: Response) -> dict[str, Any]:
    body = await read_json(request)
    # TODO: create a short link from {"url": ..., "alias"?: ...}.
    # 1. 400 unless body is a dict and is_http_url(body.get("url")); 400 when "alias" is in the
    #    body but not is_valid_alias(...). raise HTTPException(400, "...") does it.
    # 2. Build {"code": ..., "url": url, "clicks": 0, "createdAt": now as ISO 8601 text}, e.g.
    #    datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z").
    # 3. With an alias: code = alias; if await repo.insert(link) is False, answer 409.
    # 4. Without: code = generate_code(), and insert again with a fresh code while it answers
    #    False, at most MAX_ATTEMPTS times; still no luck -> 503.
    # 5. Set response.headers["Location"] = f"/api/links/{code}/stats", and return the link plus
    #    "shortUrl": the scheme and host the request came to (str(request.base_url) gives
    #    "http://host:port/"), then the code.
    raise HTTPException(501, "TODO: write POST /api/links in links.py")


@router.get("/api/links/{code}/stats")
async def link_stats(code: str) -> dict[str, Any]:
    link = await repo.find_by_code(code)
    if link is None:
        raise HTTPException(404, f'No link with the code "{code}"')
    return link


# Last: "/{code}" would otherwise catch other one-segment paths.
@router.get("/{code}")
async def follow(code: str) -> Response:
    # TODO: count the click with await repo.record_click(code); unknown code -> 404;
    # otherwise RedirectResponse(link["url"], status_code=302) (not 301: browsers cache those and
    # later clicks go uncounted).
    raise HTTPException(501, "TODO: write GET /{code} in links.py")


async def read_json(request: Request) -> Any:
    """The request body parsed from JSON; 400 when it is not JSON (or not UTF-8)."""
    try:
        return json.loads(await request.body())
    except ValueError as e:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise HTTPException(400, f"The body is not valid JSON: {e}") from None
