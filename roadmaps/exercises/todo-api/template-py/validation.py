"""Milestones 3 and 4: every value from the client is checked here before the store sees it.

Each function returns (value, None) when it is good, or (None, "what is wrong, in words").
"""

from typing import Any

MAX_TITLE = 200


def validate_new_todo(body: Any) -> tuple[dict[str, Any] | None, str | None]:
    """POST /todos: {"title", "done"?} and nothing else; the title stripped, 1 to 200 characters."""
    raise NotImplementedError("validate_new_todo is not written yet (milestone 3)")


def validate_changes(body: Any) -> tuple[dict[str, Any] | None, str | None]:
    """PATCH /todos/{id}: title and/or done (at least one), the same rules, nothing else."""
    raise NotImplementedError("validate_changes is not written yet (milestone 3)")


def parse_list_query(query: dict[str, str]) -> tuple[dict[str, Any] | None, str | None]:
    """GET /todos: done ("true"/"false", optional), limit (1 to 100, default 20), offset (0 up, default 0)."""
    raise NotImplementedError("parse_list_query is not written yet (milestone 4)")
