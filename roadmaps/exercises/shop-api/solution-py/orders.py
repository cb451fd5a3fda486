"""Milestone 3: POST /carts/{id}/checkout and GET /orders/{id}. Milestone 5: the Idempotency-Key header."""

from typing import Any

import psycopg
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from psycopg import AsyncConnection

from db import pool
from web import error, parse_id

router = APIRouter()


class Refused(Exception):
    """A checkout that must not happen: raised inside the transaction, so everything rolls back."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def load_order(conn: AsyncConnection[Any], order_id: int) -> dict[str, Any] | None:
    order = await (
        await conn.execute("SELECT id, status, total_cents FROM orders WHERE id = %s", (order_id,))
    ).fetchone()
    if order is None:
        return None
    items = await (
        await conn.execute(
            "SELECT sku, quantity, price_cents FROM order_items WHERE order_id = %s ORDER BY sku", (order_id,)
        )
    ).fetchall()
    return {
        "id": order["id"],
        "status": order["status"],
        "items": [{"sku": i["sku"], "quantity": i["quantity"], "price_cents": i["price_cents"]} for i in items],
        "total_cents": order["total_cents"],
    }


async def checkout(conn: AsyncConnection[Any], cart_id: int, key: str | None) -> int:
    """Turns the cart into an order and takes its items out of stock, in one transaction; returns the
    order id. Raises Refused (and changes nothing) when it cannot."""
    async with conn.transaction():
        # Lock the cart: a second checkout of the same cart (a retry, a double click) waits here until
        # this one has committed, and then sees the order it made.
        cart = await (await conn.execute("SELECT id FROM carts WHERE id = %s FOR UPDATE", (cart_id,))).fetchone()
        if cart is None:
            raise Refused(404, f"No cart {cart_id}")
        if key is not None:
            known = await (
                await conn.execute("SELECT cart_id, order_id FROM idempotency_keys WHERE key = %s", (key,))
            ).fetchone()
            if known is not None:
                if known["cart_id"] != cart_id:
                    raise Refused(422, "This Idempotency-Key was used for another cart")
                return int(known["order_id"])  # a retry: the same order again, nothing new
        ordered = await (await conn.execute("SELECT id FROM orders WHERE cart_id = %s", (cart_id,))).fetchone()
        if ordered is not None:
            raise Refused(409, f"Cart {cart_id} is already checked out (order {ordered['id']})")
        # Lock the products of the cart, in id order (two checkouts never wait for each other in a
        # circle). Until COMMIT, nobody else can change their stock, so what is read here stays true.
        lines = await (
            await conn.execute(
                """SELECT p.id, p.sku, p.price_cents, p.stock, i.quantity
                     FROM cart_items i JOIN products p ON p.id = i.product_id
                    WHERE i.cart_id = %s
                    ORDER BY p.id
                      FOR UPDATE OF p""",
                (cart_id,),
            )
        ).fetchall()
        if not lines:
            raise Refused(400, f"Cart {cart_id} is empty")
        short = [line["sku"] for line in lines if line["quantity"] > line["stock"]]
        if short:
            raise Refused(409, f"Not enough stock for {', '.join(sorted(short))}")
        for line in lines:
            await conn.execute("UPDATE products SET stock = stock - %s WHERE id = %s", (line["quantity"], line["id"]))
        # The order is inserted last, once nothing can refuse it any more: no id is used up in vain.
        total = sum(line["quantity"] * line["price_cents"] for line in lines)
        order = await (
            await conn.execute("INSERT INTO orders (cart_id, total_cents) VALUES (%s, %s) RETURNING id", (cart_id, total))
        ).fetchone()
        assert order is not None
        async with conn.cursor() as cur:
            await cur.executemany(
                "INSERT INTO order_items (order_id, product_id, sku, quantity, price_cents) VALUES (%s, %s, %s, %s, %s)",
                [(order["id"], line["id"], line["sku"], line["quantity"], line["price_cents"]) for line in lines],
            )
        if key is not None:
            # In the same transaction as the order: both exist, or neither.
            await conn.execute(
                "INSERT INTO idempotency_keys (key, cart_id, order_id) VALUES (%s, %s, %s)", (key, cart_id, order["id"])
            )
        return int(order["id"])


@router.post("/carts/{cart_id}/checkout")
async def checkout_cart(cart_id: str, request: Request) -> JSONResponse:
    found = parse_id(cart_id)
    if found is None:
        return error(404, f"No cart {cart_id}")
    key = request.headers.get("idempotency-key")
    if key is not None and not 1 <= len(key) <= 255:
        return error(400, "Idempotency-Key must be 1 to 255 characters")
    async with pool.connection() as conn:
        try:
            order_id = await checkout(conn, found, key)
        except Refused as refused:
            return error(refused.status, str(refused))
        except psycopg.errors.UniqueViolation:
            # Another request took this key for another cart at the same moment (or this cart's order).
            return error(422 if key is not None else 409, "This checkout conflicts with another one")
        order = await load_order(conn, order_id)
    return JSONResponse(order, status_code=201)


@router.get("/orders/{order_id}")
async def get_order(order_id: str) -> JSONResponse:
    found = parse_id(order_id)
    async with pool.connection() as conn:
        order = await load_order(conn, found) if found is not None else None
    if order is None:
        return error(404, f"No order {order_id}")
    return JSONResponse(order)
