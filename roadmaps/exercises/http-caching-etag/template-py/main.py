"""The HTTP API (done for you):

    GET /articles/{id}   the article as JSON, through cacheable_response (404 when there is none)
    PUT /articles/{id}   replaces {"title", "body"} when precondition_failure allows it (400, 404, 412, 428)

Errors are JSON: {"error": "..."}. The caching rules are yours, in caching.py.
Run it with `python main.py`: it listens on PORT (8000) and HOST (127.0.0.1).
"""

import json
import os
from datetime import datetime, timezone
from typing import Any

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from caching import cacheable_response, etag_of, precondition_failure

app = FastAPI(title="Articles")

# Each article: what is sent (id, title, body) and when it last changed (whole seconds, UTC).
articles: dict[int, dict[str, Any]] = {
    1: {"id": 1, "title": "Why caches revalidate", "body": "A 304 saves the bytes, not the round trip."},
    2: {"id": 2, "title": "Optimistic concurrency", "body": "If-Match turns lost updates into 412s."},
}
modified: dict[int, datetime] = {
    1: datetime(2024, 10, 1, 10, 0, 0, tzinfo=timezone.utc),
    2: datetime(2024, 10, 2, 8, 30, 0, tzinfo=timezone.utc),
}

REASONS = {412: "Precondition Failed", 428: "Precondition Required"}


def representation(article: dict[str, Any]) -> bytes:
    """The exact bytes sent for an article; its ETag is computed from these."""
    return json.dumps(article, separators=(",", ":")).encode()


def http_date(moment: datetime) -> str:
    return moment.strftime("%a, %d %b %Y %H:%M:%S GMT")


@app.get("/articles/{article_id}")
async def get_article(article_id: int, request: Request) -> Response:
    if article_id not in articles:
        return JSONResponse({"error": f"Article {article_id} not found"}, status_code=404)
    return cacheable_response(request, representation(articles[article_id]), modified[article_id])


@app.put("/articles/{article_id}")
async def put_article(article_id: int, request: Request) -> Response:
    text = await request.body()
    if article_id not in articles:
        return JSONResponse({"error": f"Article {article_id} not found"}, status_code=404)
    failure = precondition_failure(request, etag_of(representation(articles[article_id])))
    if failure is not None:
        reason = REASONS.get(failure, "Precondition failed")
        return JSONResponse({"error": f"{reason}: send If-Match with the current ETag"}, status_code=failure)
    try:
        data = json.loads(text)
    except ValueError:
        return JSONResponse({"error": "The body must be JSON"}, status_code=400)
    title = data.get("title") if isinstance(data, dict) else None
    body = data.get("body") if isinstance(data, dict) else None
    if not isinstance(title, str) or not title or not isinstance(body, str) or not body:
        return JSONResponse({"error": "title and body must be non-empty strings"}, status_code=400)
    article = {"id": article_id, "title": title, "body": body}
    articles[article_id] = article
    # HTTP dates have whole seconds: drop the microseconds, or If-Modified-Since never matches.
    modified[article_id] = datetime.now(timezone.utc).replace(microsecond=0)
    content = representation(article)
    # The new validators go back with the answer, so the client's next If-Match is right.
    return Response(
        content,
        media_type="application/json",
        headers={"ETag": etag_of(content), "Last-Modified": http_date(modified[article_id])},
    )


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
