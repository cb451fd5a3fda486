"""The HTTP API (done for you): routes, JSON in and out. The SQL is in products.py.

    GET  /products/search?q=tea                 -> 200 {"products": [{id, name, price}]}
    GET  /products?sort=price&dir=desc          -> 200 {"products": [...]}, 400 for a sort or dir not allowed
    POST /products/{id}/reviews {author, body}  -> 201 {id, productId, author, body}, 404, 400
    GET  /products/{id}/reviews                 -> 200 {"reviews": [{id, author, body}]}

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise, and uses the PostgreSQL database in DATABASE_URL
(postgres://localhost:5432/postgres if unset), where it creates the tables of schema.sql at start.
"""

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import uvicorn
from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from products import BadRequest, add_review, list_products, list_reviews, search_products

DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://localhost:5432/postgres")

app = FastAPI(title="Shop")


def database() -> Iterator[psycopg.Connection]:
    """A connection per request, in autocommit mode: each statement is its own transaction."""
    with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
        yield conn


@app.get("/products/search")
def search(q: str = "", db: psycopg.Connection = Depends(database)) -> dict[str, Any]:
    return {"products": search_products(db, q)}


@app.get("/products")
def products(sort: str = "id", dir: str = "asc", db: psycopg.Connection = Depends(database)) -> dict[str, Any]:
    return {"products": list_products(db, sort, dir)}


@app.post("/products/{product_id}/reviews")
async def post_review(product_id: int, request: Request) -> JSONResponse:
    try:
        body = await request.json()
    except ValueError:
        body = None
    author = body.get("author") if isinstance(body, dict) else None
    text = body.get("body") if isinstance(body, dict) else None
    if not isinstance(author, str) or author == "" or not isinstance(text, str) or text == "":
        return JSONResponse({"error": "author and body must be non-empty strings"}, status_code=400)
    with psycopg.connect(DATABASE_URL, autocommit=True) as db:
        review = add_review(db, product_id, author, text)
    if review is None:
        return JSONResponse({"error": f"no product {product_id}"}, status_code=404)
    return JSONResponse(review, status_code=201)


@app.get("/products/{product_id}/reviews")
def reviews(product_id: int, db: psycopg.Connection = Depends(database)) -> dict[str, Any]:
    return {"reviews": list_reviews(db, product_id)}


@app.exception_handler(BadRequest)
async def bad_request(request: Request, exc: BadRequest) -> JSONResponse:
    return JSONResponse({"error": str(exc)}, status_code=400)


# The details go to the log, never to the client: a database error message shows an attacker the
# shape of the query.
@app.exception_handler(psycopg.Error)
async def database_error(request: Request, exc: psycopg.Error) -> JSONResponse:
    logging.getLogger("shop").error("database error: %s", exc)
    return JSONResponse({"error": "internal error"}, status_code=500)


def create_tables() -> None:
    with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
        conn.execute(Path(__file__).with_name("schema.sql").read_text())  # type: ignore[arg-type]


if __name__ == "__main__":
    create_tables()
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
