"""Full-text search over articles. `conn` is a psycopg connection whose rows are dicts:
`conn.execute(sql, (q,)).fetchall()`. `q` is what the user typed (never empty), for example:
running shoes   "connection pool" -redis"""

from typing import Any

import psycopg

# %s is a bound parameter: psycopg sends q separately from the SQL, so it can only be search text.
SEARCH = """
    SELECT id, title
      FROM articles, websearch_to_tsquery('english', %s) AS query
     WHERE search @@ query
     ORDER BY ts_rank(search, query) DESC, id
     LIMIT 10
"""


def search(conn: psycopg.Connection, q: str) -> list[dict[str, Any]]:
    """The 10 best matches as [{"id", "title"}]: ranked with ts_rank on the `search` column, highest
    first, equal ranks by id. The query is read with websearch_to_tsquery('english', q)."""
    return conn.execute(SEARCH, (q,)).fetchall()
