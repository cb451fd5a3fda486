"""Small helpers every route uses (done for you)."""

import json
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse


def error(status: int, message: str) -> JSONResponse:
    """Every error answers {"error": "..."}."""
    return JSONResponse({"error": message}, status_code=status)


async def read_json(request: Request) -> tuple[Any, str | None]:
    """The body as JSON, or (None, the words of a 400) when it is not JSON at all."""
    try:
        return json.loads(await request.body()), None
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None, "The body must be valid JSON"


def parse_id(text: str) -> int | None:
    """A path id such as "12" as an int; None for anything else ("abc", "-1", "1.5"), which is not found."""
    if text.isascii() and text.isdigit() and len(text) <= 18:
        return int(text)
    return None


def is_int(value: Any) -> bool:
    """A JSON whole number: True and False are ints in Python, and 2.0 is a float, so neither counts."""
    return type(value) is int
