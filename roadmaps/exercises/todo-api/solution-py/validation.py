"""Milestones 3 and 4: every value from the client is checked here before the store sees it.

Each function returns (value, None) when it is good, or (None, "what is wrong, in words").
"""

from typing import Any

MAX_TITLE = 200


def _check_title(title: Any) -> tuple[str | None, str | None]:
    if not isinstance(title, str):
        return None, "title must be a string"
    stripped = title.strip()
    if not stripped:
        return None, "title must not be empty"
    if len(stripped) > MAX_TITLE:
        return None, f"title must be at most {MAX_TITLE} characters"
    return stripped, None


def _unknown_keys(body: dict[str, Any]) -> str | None:
    extra = [key for key in body if key not in ("title", "done")]
    return f"unknown field{'s' if len(extra) > 1 else ''}: {', '.join(extra)}" if extra else None


def validate_new_todo(body: Any) -> tuple[dict[str, Any] | None, str | None]:
    """POST /todos: {"title", "done"?} and nothing else; the title stripped, 1 to 200 characters."""
    if not isinstance(body, dict):
        return None, "the body must be a JSON object"
    if problem := _unknown_keys(body):
        return None, problem
    title, problem = _check_title(body.get("title"))
    if problem:
        return None, problem
    done = body.get("done", False)
    # bool, not int: in Python True is an int, and 1 is not a done flag.
    if not isinstance(done, bool):
        return None, "done must be true or false"
    return {"title": title, "done": done}, None


def validate_changes(body: Any) -> tuple[dict[str, Any] | None, str | None]:
    """PATCH /todos/{id}: title and/or done (at least one), the same rules, nothing else."""
    if not isinstance(body, dict):
        return None, "the body must be a JSON object"
    if problem := _unknown_keys(body):
        return None, problem
    changes: dict[str, Any] = {}
    if "title" in body:
        title, problem = _check_title(body["title"])
        if problem:
            return None, problem
        changes["title"] = title
    if "done" in body:
        if not isinstance(body["done"], bool):
            return None, "done must be true or false"
        changes["done"] = body["done"]
    if not changes:
        return None, "nothing to change: send title or done"
    return changes, None


def _whole_number(text: str, name: str, low: int, high: int | None) -> tuple[int | None, str | None]:
    # isdecimal alone would miss "-1"; int() alone would take " 5" and "+5". Plain digits only.
    if not (text.isascii() and text.isdigit()) or not (low <= int(text) and (high is None or int(text) <= high)):
        return None, f"{name} must be a whole number from {low}{' up' if high is None else f' to {high}'}"
    return int(text), None


def parse_list_query(query: dict[str, str]) -> tuple[dict[str, Any] | None, str | None]:
    """GET /todos: done ("true"/"false", optional), limit (1 to 100, default 20), offset (0 up, default 0)."""
    value: dict[str, Any] = {"done": None, "limit": 20, "offset": 0}
    if "done" in query:
        if query["done"] not in ("true", "false"):
            return None, "done must be true or false"
        value["done"] = query["done"] == "true"
    if "limit" in query:
        value["limit"], problem = _whole_number(query["limit"], "limit", 1, 100)
        if problem:
            return None, problem
    if "offset" in query:
        value["offset"], problem = _whole_number(query["offset"], "offset", 0, None)
        if problem:
            return None, problem
    return value, None
