"""Milestone 2: carts. POST /carts, PUT /carts/{id}/items/{sku} and GET /carts/{id}."""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from psycopg import AsyncConnection

from db import pool
from web import error, is_int, parse_id, read_json

router = APIRouter()


async def load_cart(conn: AsyncConnection[Any], cart_id: int) -> dict[str, Any] | None:
    """The cart as clients see it, or None when there is no such cart. Prices come from products now,
    not from when the line was added: a cart is not an order."""
    cart = await (await conn.execute("SELECT id FROM carts WHERE id = %s", (cart_id,))).fetchone()
    if cart is None:
        return None
    rows = await (
        await conn.execute(
            """SELECT p.sku, p.name, i.quantity, p.price_cents, i.quantity::bigint * p.price_cents AS line_cents
                 FROM cart_items i JOIN products p ON p.id = i.product_id
                WHERE i.cart_id = %s
                ORDER BY p.sku""",
            (cart_id,),
        )
    ).fetchall()
    items = [
        {
            "sku": row["sku"],
            "name": row["name"],
            "quantity": row["quantity"],
            "price_cents": row["price_cents"],
            "line_cents": row["line_cents"],
        }
        for row in rows
    ]
    return {"id": cart["id"], "items": items, "total_cents": sum(item["line_cents"] for item in items)}


@router.post("/carts")
async def create_cart() -> JSONResponse:
    async with pool.connection() as conn:
        row = await (await conn.execute("INSERT INTO carts DEFAULT VALUES RETURNING id")).fetchone()
    assert row is not None
    return JSONResponse({"id": row["id"], "items": [], "total_cents": 0}, status_code=201)


@router.get("/carts/{cart_id}")
async def get_cart(cart_id: str) -> JSONResponse:
    found = parse_id(cart_id)
    async with pool.connection() as conn:
        cart = await load_cart(conn, found) if found is not None else None
    if cart is None:
        return error(404, f"No cart {cart_id}")
    return JSONResponse(cart)


@router.put("/carts/{cart_id}/items/{sku}")
async def set_item(cart_id: str, sku: str, request: Request) -> JSONResponse:
    found = parse_id(cart_id)
    if found is None:
        return error(404, f"No cart {cart_id}")
    body, problem = await read_json(request)
    if problem is not None:
        return error(400, problem)
    quantity = body.get("quantity") if isinstance(body, dict) else None
    if not is_int(quantity) or not 0 <= quantity <= 99:
        return error(400, "quantity must be a whole number from 0 to 99")
    async with pool.connection() as conn:
        cart = await (await conn.execute("SELECT id FROM carts WHERE id = %s", (found,))).fetchone()
        if cart is None:
            return error(404, f"No cart {cart_id}")
        product = await (await conn.execute("SELECT id, stock FROM products WHERE sku = %s", (sku,))).fetchone()
        if product is None:
            return error(404, f"No product with sku {sku}")
        ordered = await (await conn.execute("SELECT 1 FROM orders WHERE cart_id = %s", (found,))).fetchone()
        if ordered:
            return error(409, f"Cart {cart_id} is already checked out")
        if quantity == 0:
            await conn.execute("DELETE FROM cart_items WHERE cart_id = %s AND product_id = %s", (found, product["id"]))
        elif quantity > product["stock"]:
            return error(409, f"Only {product['stock']} of {sku} in stock")
        else:
            # Sets the line (not adds to it): PUT says what the line is.
            await conn.execute(
                """INSERT INTO cart_items (cart_id, product_id, quantity) VALUES (%s, %s, %s)
                   ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = EXCLUDED.quantity""",
                (found, product["id"], quantity),
            )
        result = await load_cart(conn, found)
    return JSONResponse(result)
