"""The app (done for you): articles kept in memory, each route guarded by the permission it needs.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise.
"""

import os
from itertools import count
from typing import Any

import uvicorn
from fastapi import Depends, FastAPI, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from rbac import require_permission
from users import User

app = FastAPI(title="RBAC")

articles: list[dict[str, Any]] = [{"id": 1, "title": "Hello"}]
ids = count(2)  # next(ids) gives 2, then 3, ...


@app.get("/health")
async def health() -> dict[str, bool]:
    return {"ok": True}  # public: no permission needed


# require_permission("...") is a dependency: it answers 401 or 403 by raising, and otherwise gives
# the route the user who asked. The route's own code runs only when access is allowed.
@app.get("/articles")
async def list_articles(user: User = Depends(require_permission("articles:read"))) -> list[dict[str, Any]]:
    return articles


@app.post("/articles", status_code=201)
async def create_article(request: Request, user: User = Depends(require_permission("articles:write"))) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        body = None
    title = body.get("title", "Untitled") if isinstance(body, dict) else "Untitled"
    article = {"id": next(ids), "title": str(title), "by": user.name}
    articles.append(article)
    return article


@app.delete("/articles/{article_id}", status_code=204)
async def delete_article(article_id: str, user: User = Depends(require_permission("articles:delete"))) -> Response:
    for index, article in enumerate(articles):
        if str(article["id"]) == article_id:
            del articles[index]
            return Response(status_code=204)
    raise HTTPException(404, "article not found")


@app.get("/admin/users")
async def list_users(user: User = Depends(require_permission("users:manage"))) -> list[dict[str, str]]:
    return [{"name": "ada", "role": "admin"}]


# FastAPI answers errors as {"detail": ...}; this API promises {"error": "..."} instead, for the
# HTTPExceptions you raise and for unknown routes alike.
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "8000"))
    print(f'Try: curl -i localhost:{port}/articles -H "X-User: ada" -H "X-Role: viewer"', flush=True)
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=port)
