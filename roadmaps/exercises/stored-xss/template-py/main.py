"""The comment board (done for you): the page, a JSON API, and the comments in memory. The HTML is
built in render.py.

    GET  /               -> the page (text/html), with the Content-Security-Policy of render.py
    POST /comments       {"author", "body"} (JSON) -> 201 {id, author, body}
    GET  /comments.json  -> 200 {"comments": [{id, author, body}]}, the text exactly as posted
    GET  /style.css      -> the page's stylesheet

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise.
"""

import os
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from render import CSP, render_page

STYLE = "body { font-family: sans-serif; max-width: 40rem; margin: 2rem auto; }\n.comment { border-bottom: 1px solid #ccc; }\n"

# Stored as posted: escaping belongs to the output, where the context is known.
comments: list[dict[str, Any]] = []

app = FastAPI(title="Comments")


@app.middleware("http")
async def nosniff(request: Request, call_next):  # type: ignore[no-untyped-def]
    response = await call_next(request)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@app.get("/")
def page() -> HTMLResponse:
    headers = {"Content-Security-Policy": CSP} if CSP else {}
    return HTMLResponse(render_page(comments), headers=headers)


@app.get("/style.css")
def style() -> Response:
    return Response(STYLE, media_type="text/css; charset=utf-8")


@app.get("/comments.json")
def list_comments() -> dict[str, Any]:
    return {"comments": comments}


@app.post("/comments")
async def post_comment(request: Request) -> JSONResponse:
    try:
        body = await request.json()
    except ValueError:
        body = None
    author = body.get("author") if isinstance(body, dict) else None
    text = body.get("body") if isinstance(body, dict) else None
    if not isinstance(author, str) or author == "" or not isinstance(text, str) or text == "":
        return JSONResponse({"error": "author and body must be non-empty strings"}, status_code=400)
    comment = {"id": len(comments) + 1, "author": author, "body": text}
    comments.append(comment)
    return JSONResponse(comment, status_code=201)


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
