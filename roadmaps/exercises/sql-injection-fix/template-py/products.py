"""The shop's queries. They work for ordinary input, and every one of them can be hijacked: each
builds its SQL by pasting request values into the text. Fix them (README, "Steps")."""

from typing import Any

import psycopg
from psycopg.rows import dict_row


class BadRequest(Exception):
    """Answered with 400 and the message."""


def search_products(db: psycopg.Connection, q: str) -> list[dict[str, Any]]:
    """Published products whose name contains q, case-insensitively, by id."""
    # TODO 1: q goes in as a parameter: cur.execute(query, (q,)) with %s in the query. Once a query
    #         has parameters, a literal % in it is written %%.
    cur = db.cursor(row_factory=dict_row)
    cur.execute(f"SELECT id, name, price FROM products WHERE published AND name ILIKE '%{q}%' ORDER BY id")  # type: ignore[arg-type]
    return cur.fetchall()


def list_products(db: psycopg.Connection, sort: str = "id", dir: str = "asc") -> list[dict[str, Any]]:
    """Published products sorted by sort (id, name or price) in direction dir (asc or desc)."""
    # TODO 2: a parameter cannot stand for a column name or ASC/DESC. Map sort and dir through an
    #         allow-list (a dict) to SQL you wrote yourself; anything else: raise BadRequest("...").
    #         psycopg.sql.SQL(...).format(sql.Identifier(...)) composes the query safely.
    cur = db.cursor(row_factory=dict_row)
    cur.execute(f"SELECT id, name, price FROM products WHERE published ORDER BY {sort} {dir}, id")  # type: ignore[arg-type]
    return cur.fetchall()


def add_review(db: psycopg.Connection, product_id: int, author: str, body: str) -> dict[str, Any] | None:
    """Adds a review to product product_id; None when there is no such product."""
    # TODO 3: parameters for all three values.
    cur = db.cursor(row_factory=dict_row)
    cur.execute(  # type: ignore[call-overload]
        f"""INSERT INTO reviews (product_id, author, body)
            SELECT id, '{author}', '{body}' FROM products WHERE id = {product_id}
            RETURNING id, product_id AS "productId", author, body"""
    )
    return cur.fetchone()


def list_reviews(db: psycopg.Connection, product_id: int) -> list[dict[str, Any]]:
    """The reviews of product product_id, oldest first."""
    # TODO 4: and here.
    cur = db.cursor(row_factory=dict_row)
    cur.execute(f"SELECT id, author, body FROM reviews WHERE product_id = {product_id} ORDER BY id")  # type: ignore[arg-type]
    return cur.fetchall()
