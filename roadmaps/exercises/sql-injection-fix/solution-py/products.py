"""The shop's queries. Request values travel only as parameters (%s placeholders, sent apart from the
SQL); ORDER BY, which a parameter cannot fill, is chosen from SQL written here."""

from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import dict_row


class BadRequest(Exception):
    """Answered with 400 and the message."""


# The only request text that reaches the SQL, mapped to identifiers and keywords written here.
SORT_COLUMNS = {"id": sql.Identifier("id"), "name": sql.Identifier("name"), "price": sql.Identifier("price")}
DIRECTIONS = {"asc": sql.SQL("ASC"), "desc": sql.SQL("DESC")}


def search_products(db: psycopg.Connection, q: str) -> list[dict[str, Any]]:
    """Published products whose name contains q, case-insensitively, by id."""
    # With parameters, a literal % in the SQL is written %%.
    cur = db.cursor(row_factory=dict_row)
    cur.execute(
        "SELECT id, name, price FROM products WHERE published AND name ILIKE '%%' || %s || '%%' ORDER BY id",
        (q,),
    )
    return cur.fetchall()


def list_products(db: psycopg.Connection, sort: str = "id", dir: str = "asc") -> list[dict[str, Any]]:
    """Published products sorted by sort (id, name or price) in direction dir (asc or desc)."""
    if sort not in SORT_COLUMNS:
        raise BadRequest("sort must be one of " + ", ".join(SORT_COLUMNS))
    if dir not in DIRECTIONS:
        raise BadRequest("dir must be asc or desc")
    query = sql.SQL("SELECT id, name, price FROM products WHERE published ORDER BY {} {}, id").format(
        SORT_COLUMNS[sort], DIRECTIONS[dir]
    )
    cur = db.cursor(row_factory=dict_row)
    cur.execute(query)
    return cur.fetchall()


def add_review(db: psycopg.Connection, product_id: int, author: str, body: str) -> dict[str, Any] | None:
    """Adds a review to product product_id; None when there is no such product."""
    cur = db.cursor(row_factory=dict_row)
    cur.execute(
        """INSERT INTO reviews (product_id, author, body)
           SELECT id, %(author)s, %(body)s FROM products WHERE id = %(product_id)s
           RETURNING id, product_id AS "productId", author, body""",
        {"product_id": product_id, "author": author, "body": body},
    )
    return cur.fetchone()


def list_reviews(db: psycopg.Connection, product_id: int) -> list[dict[str, Any]]:
    """The reviews of product product_id, oldest first."""
    cur = db.cursor(row_factory=dict_row)
    cur.execute("SELECT id, author, body FROM reviews WHERE product_id = %s ORDER BY id", (product_id,))
    return cur.fetchall()
