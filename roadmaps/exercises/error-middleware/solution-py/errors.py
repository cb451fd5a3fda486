"""Every error of the app answered in one place, in one format: RFC 9457 "problem details".

    HTTP/1.1 404 Not Found
    Content-Type: application/problem+json

    {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "Book 7 not found", "code": "book_not_found"}

title is the standard text of the status: HTTPStatus(404).phrase is "Not Found".
"""

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger("errors")

# What a client learns about a server failure: that it happened, not why.
GENERIC_DETAIL = "Something went wrong on our side. It has been logged."


class HttpError(Exception):
    """An error that knows its HTTP status, so route code can say what went wrong:

        raise HttpError(404, "Book 7 not found", code="book_not_found")

    status: 4xx or 5xx. detail: the text a client may see (for a 4xx). code: an optional stable,
    machine-readable id that clients can switch on.
    """

    def __init__(self, status: int, detail: str, *, code: str | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.code = code


def problem(
    request: Request,
    status: int,
    detail: str,
    *,
    code: str | None = None,
    error: BaseException | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """The problem document for one error. A 5xx gets a generic detail, and the error goes to the log."""
    if status >= 500:
        logger.error("%s %s failed with %d", request.method, request.url.path, status, exc_info=error)
        detail = GENERIC_DETAIL
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if code is not None:
        body["code"] = code
    return JSONResponse(body, status_code=status, headers=headers, media_type="application/problem+json")


def install_error_handlers(app: FastAPI) -> None:
    """Registers the exception handlers that turn every error into a problem document."""

    @app.exception_handler(HttpError)
    async def http_error(request: Request, exc: HttpError) -> JSONResponse:
        return problem(request, exc.status, exc.detail, code=exc.code, error=exc)

    # Raised by FastAPI and Starlette themselves: no route (404), wrong method (405), and the body
    # limit in main.py (413). Their detail is safe to show, except that a bare "Not Found" helps no one.
    @app.exception_handler(StarletteHTTPException)
    async def framework_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            detail = f"No route for {request.method} {request.url.path}"
        else:
            detail = str(exc.detail)
        return problem(request, exc.status_code, detail, error=exc, headers=exc.headers)

    # FastAPI would answer 422 with its own {"detail": [...]} shape.
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return problem(request, 400, "The request body is not valid JSON.", code="invalid_json")
        first = errors[0] if errors else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return problem(request, 400, f"{where}: {first.get('msg', 'invalid request')}", code="invalid_request")

    # Anything else is a bug. (Starlette calls this handler, then lets the error go on to uvicorn,
    # which prints the traceback as well.)
    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        return problem(request, 500, GENERIC_DETAIL, error=exc)
