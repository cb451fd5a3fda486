"""The job board API. Run it with `python main.py`: it creates its tables (schema.sql) in DATABASE_URL,
then listens on PORT (8000 if unset), on 127.0.0.1 unless HOST says otherwise. Tokens are checked
with JWT_SECRET. The routes are TODOs, marked with their milestone."""

import json
import os
from typing import Any

import uvicorn
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

import db
from auth import User, require_role, require_user
from validation import parse_search, validate_application, validate_job, validate_job_change

# A real secret comes from configuration, never the code; the fallback is for trying it by hand only.
SECRET = os.environ.get("JWT_SECRET") or "dev-only-secret-change-me-0123456789abcdef"

app = FastAPI(title="Job board")
current_user = require_user(SECRET)  # a dependency: `user: User = Depends(current_user)`

# What a client sees of a job and of an application, in this order.
JOB_COLUMNS = "id, employer, title, description, location, remote, salary_min, salary_max, status"
APPLICATION_COLUMNS = "id, job_id, candidate, status, cover_letter"


def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """Every error answers {"error": "..."}."""
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def parse_id(text: str) -> int | None:
    """The id in a path, or None when it cannot be one ("abc", "-1", too large): then it is not found."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 15 else None


def not_found(what: str, text: str) -> HTTPException:
    return HTTPException(404, f"{what} {text} not found")


def bad_request(message: str) -> HTTPException:
    return HTTPException(400, message)


async def json_body(request: Request) -> Any:
    """A dependency: the request body as JSON; a body that is not JSON answers 400. FastAPI runs a
    route's dependencies in the order of its parameters, so put the user first and the token is
    checked before the body: `user: User = Depends(current_user), body: Any = Depends(json_body)`."""
    try:
        return json.loads(await request.body() or b"null")
    except ValueError:
        raise HTTPException(400, "The body must be JSON") from None


# Routes are plain `def` functions: FastAPI runs them in a thread pool, so the blocking database calls
# (db.pool, see db.py) do not hold up other requests. Raise HTTPException(status, "message") for an
# error: the handler at the bottom answers it as {"error": "message"}.

# TODO (milestone 1): POST /jobs (employers only: require_role(user, "employer")): validate_job(body),
#   400 when it refuses; INSERT with employer = user.id, RETURNING {JOB_COLUMNS}; answer 201 with it.


# Done, as an example: a public route, an id from the path, one query, a 404.
@app.get("/jobs/{job_id}")
def get_job(job_id: str) -> dict[str, Any]:
    id_ = parse_id(job_id)  # a str parameter, parsed here: "abc" is simply not found, not a 422
    with db.pool.connection() as conn:
        job = id_ and conn.execute(f"SELECT {JOB_COLUMNS} FROM jobs WHERE id = %s", (id_,)).fetchone()
    if not job:
        raise not_found("Job", job_id)
    return job


# TODO (milestone 1): PATCH /jobs/{job_id} {"status": "closed"}: employers only (403), 404 for an
#   unknown job, 403 when the job is another employer's, 400 for any other body (validate_job_change);
#   answer 200 with the closed job.

# TODO (milestone 1): GET /jobs (public): {"data": [open jobs, newest first]}.
#   Milestone 2 adds q, location, remote and min_salary (parse_search(dict(request.query_params)))
#   and orders by ts_rank when q is given.

# TODO (milestone 3): POST /jobs/{job_id}/applications (candidates only) {"cover_letter"}: 201 with
#   the application; 404 unknown job; 409 closed job; 409 a second time (let the UNIQUE constraint
#   decide: INSERT ... ON CONFLICT DO NOTHING RETURNING ...).

# TODO (milestone 3): GET /jobs/{job_id}/applications (employers only; 404 unknown job; 403 when it is
#   another employer's): {"data": [...]} by id.

# TODO (milestone 3): GET /me/applications (candidates only): {"data": [their own applications]} by id.

# TODO (milestone 4): PATCH /applications/{application_id} {"status"} (employers only): 400 unless the
#   status is one of the five, 404 unknown application, 403 when its job is another employer's, 409
#   unless the move is allowed; update it and add a notification for the candidate, both in one
#   transaction (`with conn.transaction():`); 200 with the application.

# TODO (milestone 4): GET /me/notifications (any signed-in user): {"data": [their own, oldest first]}.

_ = (Depends, User, require_role, db, parse_search, validate_application, validate_job, validate_job_change)


# FastAPI answers its own errors (an unknown route, a wrong method) as {"detail": ...}; this API
# promises {"error": "..."}. The headers of an HTTPException (WWW-Authenticate) are kept.
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return error(exc.status_code, str(exc.detail), dict(exc.headers or {}))


@app.exception_handler(RequestValidationError)
async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    return error(400, "Invalid request")


if __name__ == "__main__":
    db.open_and_create_tables()
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
