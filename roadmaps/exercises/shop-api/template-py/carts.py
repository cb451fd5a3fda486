"""Milestone 2: carts. POST /carts, PUT /carts/{id}/items/{sku} and GET /carts/{id}."""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from psycopg import AsyncConnection

from db import pool
from web import error, is_int, parse_id, read_json

router = APIRouter()

_ = (Request, JSONResponse, pool, error, is_int, parse_id, read_json)  # what the routes below will need


async def load_cart(conn: AsyncConnection[Any], cart_id: int) -> dict[str, Any] | None:
    """The cart as clients see it, {"id", "items", "total_cents"}, or None when there is no such cart.

    TODO (milestone 2): read the lines joined with products, ordered by sku, each as
    {"sku", "name", "quantity", "price_cents", "line_cents"} where price_cents is the product's price
    now and line_cents = quantity * price_cents; total_cents is the sum of the lines.
    """
    return None


# TODO (milestone 2): POST /carts: 201 {"id": <new id>, "items": [], "total_cents": 0}.
#   There is no body. "INSERT INTO carts DEFAULT VALUES RETURNING id" inserts a row of defaults.

# TODO (milestone 2): GET /carts/{cart_id}: 200 with load_cart(...), 404 when there is none.
#   Take cart_id as a str and use parse_id: "abc" is simply not found.

# TODO (milestone 2): PUT /carts/{cart_id}/items/{sku} with {"quantity": n}: sets that line to n.
#   - 400 unless quantity is a whole number from 0 to 99;
#   - 404 for an unknown cart or sku;
#   - 0 removes the line; more than the product's stock now answers 409 and changes nothing;
#   - else insert the line or change its quantity (INSERT ... ON CONFLICT ... DO UPDATE);
#   - answer 200 with the whole cart (load_cart).
#   Milestone 3: a cart that has been checked out cannot change any more (409).
