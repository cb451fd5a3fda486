"""The to-dos, in memory: done, so the milestones are about HTTP, not storage.

A dict keeps insertion order, so all() lists the oldest first. Swap it for a database later; the
routes only use these five methods.
"""

from typing import Any


class Store:
    def __init__(self) -> None:
        self._todos: dict[int, dict[str, Any]] = {}
        self._last_id = 0

    def next_id(self) -> int:
        """The next id: 1, 2, 3, ... (never handed out twice, even after a delete)."""
        self._last_id += 1
        return self._last_id

    def insert(self, record: dict[str, Any]) -> dict[str, Any]:
        """Stores a record (any keys you like) under record["id"] and returns it."""
        self._todos[record["id"]] = record
        return record

    def get(self, todo_id: int) -> dict[str, Any] | None:
        """The record with this id, or None."""
        return self._todos.get(todo_id)

    def all(self) -> list[dict[str, Any]]:
        """Every record, oldest first."""
        return list(self._todos.values())

    def remove(self, todo_id: int) -> bool:
        """Removes the record; True when there was one."""
        return self._todos.pop(todo_id, None) is not None
