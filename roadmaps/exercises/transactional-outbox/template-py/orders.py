"""Writes an order. Read the README first: the order, its lines and its outbox row must be written
in ONE transaction, so either all of them are kept or none is."""

from typing import Any

import psycopg


def create_order(conn: psycopg.Connection, customer: str, lines: list[dict[str, Any]]) -> dict[str, Any]:
    """Inserts the order, its lines and one outbox row; returns {"id", "customer", "lines"}.

    conn is in autocommit mode: each statement below is committed on its own.
    """
    # TODO: run everything inside `with conn.transaction():` so a failing statement rolls back all of it.
    # TODO: after the lines, one INSERT INTO outbox (type, payload) with the type 'order.created' and
    #       the payload {"orderId", "customer", "lines"} (psycopg.types.json.Jsonb(payload) for the JSONB column).
    order_id = conn.execute("INSERT INTO orders (customer) VALUES (%s) RETURNING id", (customer,)).fetchone()[0]
    clean_lines = [{"sku": line["sku"], "quantity": line["quantity"]} for line in lines]
    for line_no, line in enumerate(clean_lines, start=1):
        conn.execute(
            "INSERT INTO order_lines (order_id, line_no, sku, quantity) VALUES (%s, %s, %s, %s)",
            (order_id, line_no, line["sku"], line["quantity"]),
        )
    return {"id": order_id, "customer": customer, "lines": clean_lines}
