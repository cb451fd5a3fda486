"""Writes an order, its lines and its outbox row in one transaction."""

from typing import Any

import psycopg
from psycopg.types.json import Jsonb


def create_order(conn: psycopg.Connection, customer: str, lines: list[dict[str, Any]]) -> dict[str, Any]:
    """Inserts the order, its lines and one outbox row; returns {"id", "customer", "lines"}.

    conn is in autocommit mode; conn.transaction() opens BEGIN and ends with COMMIT, or with
    ROLLBACK when the block raises (the error is raised again)."""
    clean_lines = [{"sku": line["sku"], "quantity": line["quantity"]} for line in lines]
    with conn.transaction():
        order_id = conn.execute("INSERT INTO orders (customer) VALUES (%s) RETURNING id", (customer,)).fetchone()[0]
        for line_no, line in enumerate(clean_lines, start=1):
            conn.execute(
                "INSERT INTO order_lines (order_id, line_no, sku, quantity) VALUES (%s, %s, %s, %s)",
                (order_id, line_no, line["sku"], line["quantity"]),
            )
        payload = {"orderId": order_id, "customer": customer, "lines": clean_lines}
        conn.execute("INSERT INTO outbox (type, payload) VALUES (%s, %s)", ("order.created", Jsonb(payload)))
    return {"id": order_id, "customer": customer, "lines": clean_lines}
