"""Milestone 1: the catalog. POST /products, GET /products/{sku} and GET /products."""

import re
from typing import Any

import psycopg
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from db import pool
from web import error, is_int, read_json

router = APIRouter()

SKU = re.compile(r"[A-Z0-9-]{1,32}")
MAX_INT = 2_147_483_647  # PostgreSQL's integer; larger numbers are refused, not a 500

PRODUCT_COLUMNS = "id, sku, name, price_cents, stock"


def public_product(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "sku": row["sku"],
        "name": row["name"],
        "price_cents": row["price_cents"],
        "stock": row["stock"],
    }


def validate_product(body: Any) -> tuple[dict[str, Any] | None, str | None]:
    """(the product to store, None) or (None, what is wrong)."""
    if not isinstance(body, dict):
        return None, "The body must be a JSON object"
    sku, name, price, stock = body.get("sku"), body.get("name"), body.get("price_cents"), body.get("stock")
    if not isinstance(sku, str) or not SKU.fullmatch(sku):
        return None, "sku must be 1 to 32 characters: capital letters, digits and -"
    if not isinstance(name, str) or not name.strip():
        return None, "name is required"
    if not is_int(price) or not 0 < price <= MAX_INT:
        return None, "price_cents must be a whole number of cents above 0"
    if not is_int(stock) or not 0 <= stock <= MAX_INT:
        return None, "stock must be a whole number, 0 or more"
    return {"sku": sku, "name": name, "price_cents": price, "stock": stock}, None


@router.post("/products")
async def create_product(request: Request) -> JSONResponse:
    body, problem = await read_json(request)
    product, problem = validate_product(body) if problem is None else (None, problem)
    if product is None:
        return error(400, problem or "Invalid product")
    async with pool.connection() as conn:
        # The UNIQUE constraint on sku decides: a SELECT first, then an INSERT, would leave a moment in
        # which two requests for the same sku both find nothing and both insert.
        try:
            cur = await conn.execute(
                f"INSERT INTO products (sku, name, price_cents, stock) VALUES (%s, %s, %s, %s) RETURNING {PRODUCT_COLUMNS}",
                (product["sku"], product["name"], product["price_cents"], product["stock"]),
            )
        except psycopg.errors.UniqueViolation:
            return error(409, f"A product with sku {product['sku']} already exists")
        row = await cur.fetchone()
    assert row is not None
    return JSONResponse(public_product(row), status_code=201)


@router.get("/products")
async def list_products(request: Request) -> JSONResponse:
    conditions: list[str] = []
    params: list[Any] = []
    max_price = request.query_params.get("max_price")
    if max_price is not None:
        if not (max_price.isascii() and max_price.isdigit() and len(max_price) <= 18):
            return error(400, "max_price must be a whole number of cents")
        conditions.append("price_cents <= %s")
        params.append(int(max_price))
    in_stock = request.query_params.get("in_stock")
    if in_stock is not None:
        if in_stock not in ("true", "false"):
            return error(400, "in_stock must be true or false")
        if in_stock == "true":
            conditions.append("stock > 0")
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    async with pool.connection() as conn:
        rows = await (await conn.execute(f"SELECT {PRODUCT_COLUMNS} FROM products {where} ORDER BY id", params)).fetchall()
    return JSONResponse({"data": [public_product(row) for row in rows]})


@router.get("/products/{sku}")
async def get_product(sku: str) -> JSONResponse:
    async with pool.connection() as conn:
        row = await (await conn.execute(f"SELECT {PRODUCT_COLUMNS} FROM products WHERE sku = %s", (sku,))).fetchone()
    if row is None:
        return error(404, f"No product with sku {sku}")
    return JSONResponse(public_product(row))
