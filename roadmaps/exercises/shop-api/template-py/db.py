"""The PostgreSQL connection pool (done for you).

Connections are in autocommit mode with rows as dicts: each statement commits on its own, unless it
runs inside a transaction block:

    async with pool.connection() as conn:
        row = await (await conn.execute("SELECT ... WHERE id = %s", (some_id,))).fetchone()
        async with conn.transaction():   # BEGIN; COMMIT at the end, ROLLBACK if an exception leaves it
            await conn.execute("UPDATE ...", (a, b))

Always pass values as parameters (%s), never pasted into the SQL text.
"""

import os
from pathlib import Path

from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool

DATABASE_URL = os.environ.get("DATABASE_URL") or "postgres://localhost:5432/postgres"

# At most 10 connections: more requests than that at once wait for a free one.
pool = AsyncConnectionPool(
    DATABASE_URL,
    min_size=1,
    max_size=10,
    kwargs={"autocommit": True, "row_factory": dict_row},
    open=False,
)


async def create_tables() -> None:
    """Runs schema.sql (CREATE TABLE IF NOT EXISTS ...), before the server listens."""
    sql = (Path(__file__).parent / "schema.sql").read_text()
    async with pool.connection() as conn:
        await conn.execute(sql)  # type: ignore[arg-type]  # several statements, no parameters
