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


class HttpError(Exception):
    """An error that knows its HTTP status, so route code can say what went wrong:

        raise HttpError(404, "Book 7 not found", code="book_not_found")

    status: 4xx or 5xx. detail: the text a client may see (for a 4xx). code: an optional stable,
    machine-readable id that clients can switch on.
    """

    def __init__(self, status: int, detail: str, *, code: str | None = None) -> None:
        super().__init__(detail)
        # TODO: keep status, detail and code on the error (self.status = status, ...).


def install_error_handlers(app: FastAPI) -> None:
    """Registers the exception handlers that turn every error into a problem document."""

    # TODO: register handlers with @app.exception_handler(...), each answering a problem document
    #       (a JSONResponse with media_type="application/problem+json"):
    #
    # 1. HttpError (raised by the routes in main.py): its status; its detail and code for a 4xx.
    # 2. StarletteHTTPException (raised by FastAPI itself): keep its status_code. FastAPI raises it
    #    with status 404 for a path no route matches: then the detail names the method and path,
    #    "No route for GET /no/such/route". Other statuses (413 for a too large body, 405...): its
    #    own detail.
    # 3. RequestValidationError: FastAPI answers 422 when the request does not fit the route's
    #    parameters. A body that is not JSON at all is one of those (an error of type
    #    "json_invalid"): answer 400, with a detail saying the body is not valid JSON.
    # 4. Exception, for everything else: a bug. Answer 500 with a generic detail, and log the whole
    #    error with logger.error(..., exc_info=exc). Never send str(exc) or a traceback.
    #
    # For any status of 500 or more (a 503 HttpError too), the detail is generic and the error is
    # logged.
    pass
