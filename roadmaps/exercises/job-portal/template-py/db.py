"""The database (done for you): a pool of PostgreSQL connections, and schema.sql applied at start.

Connections are in autocommit mode with rows as dicts, so each statement commits on its own unless it
runs inside a transaction block:

    with db.pool.connection() as conn:
        row = conn.execute("SELECT ... WHERE id = %s", (job_id,)).fetchone()   # a dict, or None
        with conn.transaction():     # BEGIN; COMMIT at the end, ROLLBACK if an exception leaves it
            conn.execute("UPDATE ...", (a, b))
"""

import os
from pathlib import Path

from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

DATABASE_URL = os.environ.get("DATABASE_URL") or "postgres://localhost:5432/postgres"
SCHEMA = Path(__file__).resolve().parent / "schema.sql"

# 10 connections, all opened at start: up to 10 requests use the database at the same moment (a burst
# right after the start does not queue for one lazily made connection); more wait for a free one.
pool = ConnectionPool(
    DATABASE_URL,
    min_size=10,
    max_size=10,
    kwargs={"autocommit": True, "row_factory": dict_row},
    open=False,
)


def open_and_create_tables() -> None:
    """Opens the pool and runs schema.sql (CREATE TABLE IF NOT EXISTS ..., so running it again is
    harmless). main.py calls it before it starts listening."""
    pool.open(wait=True, timeout=10)
    with pool.connection() as conn:
        # Without parameters psycopg sends the text as is, so the file may hold many statements.
        conn.execute(SCHEMA.read_text(encoding="utf-8").encode())
