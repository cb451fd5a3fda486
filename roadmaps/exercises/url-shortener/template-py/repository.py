"""Where links live (done for you).

The routes only call these three async methods, so this in-memory dict can become PostgreSQL, Redis
or SQLite tomorrow without touching a route. A link is
{"code": ..., "url": ..., "clicks": 0, "createdAt": "2025-01-31T12:00:00.000Z"}.

  insert(link)        -> True when stored, False when the code is already taken. Check and store
                         in one step: in SQL that's a UNIQUE (or PRIMARY KEY) column and catching
                         the unique-violation error, never SELECT then INSERT.
  find_by_code(code)  -> the link, or None.
  record_click(code)  -> adds 1 to clicks and returns the updated link, or None for an unknown code.
                         In SQL: UPDATE links SET clicks = clicks + 1 WHERE code = %s RETURNING *.
"""

from typing import Any

Link = dict[str, Any]


class MemoryRepository:
    def __init__(self) -> None:
        self._links: dict[str, Link] = {}

    # Hand out copies, as a database would: callers can't change stored data by accident.
    async def insert(self, link: Link) -> bool:
        if link["code"] in self._links:
            return False
        self._links[link["code"]] = dict(link)
        return True

    async def find_by_code(self, code: str) -> Link | None:
        link = self._links.get(code)
        return dict(link) if link else None

    async def record_click(self, code: str) -> Link | None:
        link = self._links.get(code)
        if link is None:
            return None
        link["clicks"] += 1
        return dict(link)
