"""The link routes: create a short link, read its stats, follow it."""

import json
from datetime import datetime, timezone
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import RedirectResponse

from codes import random_code
from repository import MemoryRepository
from validation import is_http_url, is_valid_alias

# Random codes rarely collide; when they keep colliding, something is wrong (a full code space,
# a broken generator), so give up instead of looping forever.
MAX_ATTEMPTS = 5

router = APIRouter()
repo = MemoryRepository()
generate_code = random_code  # new short codes; a test could swap in a predictable one


@router.post("/api/links", status_code=201)
async def create_link(request: Request, response: Response) -> dict[str, Any]:
    body = await read_json(request)
    if not isinstance(body, dict) or not is_http_url(body.get("url")):
        raise HTTPException(400, '"url" must be an absolute http:// or https:// URL')
    if "alias" in body and not is_valid_alias(body["alias"]):
        raise HTTPException(400, '"alias" must be 3-32 letters, digits, "-" or "_", and not a reserved word')

    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    link = {"code": body.get("alias"), "url": body["url"], "clicks": 0, "createdAt": now}

    if "alias" in body:
        if not await repo.insert(link):
            raise HTTPException(409, f'The alias "{body["alias"]}" is taken')
    else:
        # Let the store decide (insert-if-absent), so two requests can't both get one code.
        for _ in range(MAX_ATTEMPTS):
            link["code"] = generate_code()
            if await repo.insert(link):
                break
        else:
            raise HTTPException(503, "Could not find a free short code, please try again")

    response.headers["Location"] = f"/api/links/{link['code']}/stats"
    return {**link, "shortUrl": f"{str(request.base_url).rstrip('/')}/{link['code']}"}


@router.get("/api/links/{code}/stats")
async def link_stats(code: str) -> dict[str, Any]:
    link = await repo.find_by_code(code)
    if link is None:
        raise HTTPException(404, f'No link with the code "{code}"')
    return link


# Last: "/{code}" would otherwise catch other one-segment paths.
@router.get("/{code}")
async def follow(code: str) -> Response:
    link = await repo.record_click(code)
    if link is None:
        raise HTTPException(404, f'No link with the code "{code}"')
    # 302, not 301: browsers cache a 301 and skip us next time, so those clicks would go uncounted.
    return RedirectResponse(link["url"], status_code=302, headers={"Cache-Control": "private, max-age=0"})


async def read_json(request: Request) -> Any:
    """The request body parsed from JSON; 400 when it is not JSON (or not UTF-8)."""
    try:
        return json.loads(await request.body())
    except ValueError as e:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise HTTPException(400, f"The body is not valid JSON: {e}") from None
