"""The three reports. Each gets `conn`, a psycopg connection whose rows are dicts
(`conn.execute(sql, params).fetchall()`), and returns a list of dicts, which the API sends as JSON.
The tables are in the README."""

from typing import Any

import psycopg

Row = dict[str, Any]


def customer_summary(conn: psycopg.Connection) -> list[Row]:
    """Every customer, also those with no paid order, as {"id", "name", "orderCount", "totalCents"},
    counting and summing only orders whose status is 'paid'; a customer without one has 0 and 0.
    Sorted by totalCents, highest first; equal totals by id, lowest first."""
    # TODO: one query: customers LEFT JOIN orders, with the status condition in the right place,
    # GROUP BY the customer, COUNT of a column of orders and COALESCE(SUM(...), 0).
    raise NotImplementedError("TODO: customer_summary is not written yet")


def orders_with_customers(conn: psycopg.Connection) -> list[Row]:
    """Every order that belongs to a customer (guest orders, whose customer_id is NULL, are left out),
    as {"id", "customerName", "totalCents", "status"}, whatever its status, sorted by order id."""
    # TODO: orders INNER JOIN customers.
    raise NotImplementedError("TODO: orders_with_customers is not written yet")


def customers_without_orders(conn: psycopg.Connection) -> list[Row]:
    """The customers who never placed an order, paid or cancelled, as {"id", "name"}, sorted by id."""
    # TODO: an anti-join: LEFT JOIN ... WHERE orders.id IS NULL, or WHERE NOT EXISTS (...).
    raise NotImplementedError("TODO: customers_without_orders is not written yet")
