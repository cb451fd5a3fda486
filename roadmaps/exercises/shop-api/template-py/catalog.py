"""Milestone 1: the catalog. POST /products, GET /products/{sku} and GET /products."""

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from db import pool
from web import error, is_int, read_json

router = APIRouter()

SKU = re.compile(r"[A-Z0-9-]{1,32}")  # use SKU.fullmatch(sku)

_ = (Any, Request, JSONResponse, pool, error, is_int, read_json)  # what the routes below will need


def public_product(row: dict[str, Any]) -> dict[str, Any]:
    """A product as clients see it: exactly these five keys."""
    return {
        "id": row["id"],
        "sku": row["sku"],
        "name": row["name"],
        "price_cents": row["price_cents"],
        "stock": row["stock"],
    }


# TODO (milestone 1): POST /products with {"sku", "name", "price_cents", "stock"}:
#   - 400 {"error"} unless: the body is a JSON object; sku a string matching SKU; name a non-empty
#     string; price_cents a whole number above 0; stock a whole number, 0 or more (is_int in web.py);
#   - 409 when a product with that sku exists: let the UNIQUE constraint decide, catch
#     psycopg.errors.UniqueViolation (a SELECT first leaves a gap in which two requests both pass);
#   - else INSERT ... RETURNING id, sku, name, price_cents, stock and answer 201 with public_product(row).
#   @router.post("/products")
#   async def create_product(request: Request) -> JSONResponse: ...

# TODO (milestone 1): GET /products: 200 {"data": [every product, by id]}. Filters (both optional,
#   combined with AND): max_price=<cents> keeps price_cents <= it (not a whole number: 400),
#   in_stock=true keeps stock > 0. Build the WHERE from a list of conditions and a list of parameters.

# TODO (milestone 1): GET /products/{sku}: 200 with the product, 404 {"error"} when there is none.
