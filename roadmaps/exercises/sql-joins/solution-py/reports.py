"""The three reports. Each gets `conn`, a psycopg connection whose rows are dicts
(`conn.execute(sql, params).fetchall()`), and returns a list of dicts, which the API sends as JSON.
The tables are in the README."""

from typing import Any

import psycopg

Row = dict[str, Any]

SUMMARY = """
    SELECT c.id,
           c.name,
           count(o.id) AS "orderCount",                      -- the NULL row of "no order" is not counted
           coalesce(sum(o.total_cents), 0) AS "totalCents"   -- sum over no rows is NULL
      FROM customers c
      LEFT JOIN orders o
             ON o.customer_id = c.id
            AND o.status = 'paid'                            -- in ON, so unmatched customers stay
     GROUP BY c.id, c.name
     ORDER BY "totalCents" DESC, c.id
"""

ORDERS = """
    SELECT o.id, c.name AS "customerName", o.total_cents AS "totalCents", o.status
      FROM orders o
      JOIN customers c ON c.id = o.customer_id
     ORDER BY o.id
"""

# NOT EXISTS ignores NULLs in orders.customer_id; NOT IN would match nobody once there is a guest order.
WITHOUT_ORDERS = """
    SELECT c.id, c.name
      FROM customers c
     WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)
     ORDER BY c.id
"""


def customer_summary(conn: psycopg.Connection) -> list[Row]:
    """Every customer, also those with no paid order, as {"id", "name", "orderCount", "totalCents"},
    counting and summing only orders whose status is 'paid'; a customer without one has 0 and 0.
    Sorted by totalCents, highest first; equal totals by id, lowest first."""
    # count() and sum() of an integer column are bigint, which psycopg gives as a Python int.
    return conn.execute(SUMMARY).fetchall()


def orders_with_customers(conn: psycopg.Connection) -> list[Row]:
    """Every order that belongs to a customer (guest orders, whose customer_id is NULL, are left out),
    as {"id", "customerName", "totalCents", "status"}, whatever its status, sorted by order id."""
    return conn.execute(ORDERS).fetchall()


def customers_without_orders(conn: psycopg.Connection) -> list[Row]:
    """The customers who never placed an order, paid or cancelled, as {"id", "name"}, sorted by id."""
    return conn.execute(WITHOUT_ORDERS).fetchall()
