"""Turns FastAPI's validation errors into this API's error shape:

    400 Bad Request
    {"errors": [{"path": "email", "message": "..."}, {"path": "isAdmin", "message": "..."}]}
"""

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """Answers a body that does not fit the Signup model."""
    return JSONResponse({"errors": format_errors(exc.errors())}, status_code=400)


def format_errors(errors: Any) -> list[dict[str, str]]:
    """FastAPI/Pydantic errors -> [{"path": ..., "message": ...}], one per error, with nothing else."""
    formatted = []
    for error in errors:
        loc = list(error.get("loc", ()))
        if loc[:1] == ["body"]:
            loc = loc[1:]  # every body error starts with "body"; the client knows it sent one
        if error.get("type") == "json_invalid":
            loc = []  # its loc ends with a character position, not a field: it is about the whole body
        message = str(error.get("msg", "Invalid value"))
        # Pydantic prefixes the ValueError of a custom check with "Value error, ".
        message = message.removeprefix("Value error, ")
        formatted.append({"path": ".".join(str(part) for part in loc), "message": message})
    return formatted
