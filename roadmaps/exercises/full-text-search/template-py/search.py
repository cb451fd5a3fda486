"""Full-text search over articles. `conn` is a psycopg connection whose rows are dicts:
`conn.execute(sql, (q,)).fetchall()`. `q` is what the user typed (never empty), for example:
running shoes   "connection pool" -redis"""

from typing import Any

import psycopg


def search(conn: psycopg.Connection, q: str) -> list[dict[str, Any]]:
    """The 10 best matches as [{"id", "title"}]: ranked with ts_rank on the `search` column, highest
    first, equal ranks by id. The query is read with websearch_to_tsquery('english', q)."""
    # TODO: WHERE search @@ websearch_to_tsquery('english', %s), ORDER BY ts_rank(...) DESC, id, LIMIT 10.
    # Pass q as a parameter (%s), never inside the SQL text.
    raise NotImplementedError("TODO: search is not written yet")
