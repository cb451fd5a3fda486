"""The job board API. Run it with `python main.py`: it creates its tables (schema.sql) in DATABASE_URL,
then listens on PORT (8000 if unset), on 127.0.0.1 unless HOST says otherwise. Tokens are checked
with JWT_SECRET."""

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

# ---- Milestone 1: jobs -------------------------------------------------------------------------


@app.post("/jobs", status_code=201)
def create_job(user: User = Depends(current_user), body: Any = Depends(json_body)) -> dict[str, Any]:
    require_role(user, "employer")
    job, problem = validate_job(body)
    if job is None:
        raise bad_request(problem or "Invalid job")
    with db.pool.connection() as conn:
        return conn.execute(
            "INSERT INTO jobs (employer, title, description, location, remote, salary_min, salary_max)"
            f" VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING {JOB_COLUMNS}",
            (user.id, job["title"], job["description"], job["location"], job["remote"], job["salary_min"], job["salary_max"]),
        ).fetchone()


@app.get("/jobs/{job_id}")
def get_job(job_id: str) -> dict[str, Any]:
    id_ = parse_id(job_id)  # a str parameter, parsed here: "abc" is simply not found, not a 422
    with db.pool.connection() as conn:
        job = id_ and conn.execute(f"SELECT {JOB_COLUMNS} FROM jobs WHERE id = %s", (id_,)).fetchone()
    if not job:
        raise not_found("Job", job_id)
    return job


@app.patch("/jobs/{job_id}")
def close_job(job_id: str, user: User = Depends(current_user), body: Any = Depends(json_body)) -> dict[str, Any]:
    require_role(user, "employer")
    id_ = parse_id(job_id)
    with db.pool.connection() as conn:
        job = id_ and conn.execute("SELECT employer FROM jobs WHERE id = %s", (id_,)).fetchone()
        if not job:
            raise not_found("Job", job_id)
        # The role says the caller is an employer; whether the job is theirs is a second check.
        if job["employer"] != user.id:
            raise HTTPException(403, "Only the employer who posted this job may change it")
        status, problem = validate_job_change(body)
        if status is None:
            raise bad_request(problem or "Invalid change")
        return conn.execute(f"UPDATE jobs SET status = %s WHERE id = %s RETURNING {JOB_COLUMNS}", (status, id_)).fetchone()


# ---- Milestone 2: search -----------------------------------------------------------------------

# The same expression as the index in schema.sql, so PostgreSQL can use it.
DOCUMENT = "to_tsvector('english', title || ' ' || description)"


@app.get("/jobs")
def list_jobs(request: Request) -> dict[str, Any]:
    filters, problem = parse_search(dict(request.query_params))
    if filters is None:
        raise bad_request(problem or "Invalid query")
    # Only fixed pieces of SQL are joined; every value the client sent goes in as a parameter.
    where, order, params = ["status = 'open'"], ["id DESC"], {}
    if "q" in filters:
        where.append(f"{DOCUMENT} @@ websearch_to_tsquery('english', %(q)s)")
        order.insert(0, f"ts_rank({DOCUMENT}, websearch_to_tsquery('english', %(q)s)) DESC")
        params["q"] = filters["q"]
    if "location" in filters:
        where.append("lower(location) = lower(%(location)s)")
        params["location"] = filters["location"]
    if "remote" in filters:
        where.append("remote = %(remote)s")
        params["remote"] = filters["remote"]
    if "min_salary" in filters:
        where.append("salary_max >= %(min_salary)s")
        params["min_salary"] = filters["min_salary"]
    sql = f"SELECT {JOB_COLUMNS} FROM jobs WHERE {' AND '.join(where)} ORDER BY {', '.join(order)}"
    with db.pool.connection() as conn:
        return {"data": conn.execute(sql, params).fetchall()}


# ---- Milestone 3: applications -----------------------------------------------------------------


@app.post("/jobs/{job_id}/applications", status_code=201)
def apply(job_id: str, user: User = Depends(current_user), body: Any = Depends(json_body)) -> dict[str, Any]:
    require_role(user, "candidate")
    letter, problem = validate_application(body)
    if letter is None:
        raise bad_request(problem or "Invalid application")
    id_ = parse_id(job_id)
    with db.pool.connection() as conn, conn.transaction():
        # FOR SHARE: the job cannot be closed between this check and the insert.
        job = id_ and conn.execute("SELECT status FROM jobs WHERE id = %s FOR SHARE", (id_,)).fetchone()
        if not job:
            raise not_found("Job", job_id)
        if job["status"] != "open":
            raise HTTPException(409, "This job is closed")
        # The unique constraint decides, not a SELECT before: two requests at once cannot both get in.
        row = conn.execute(
            "INSERT INTO applications (job_id, candidate, cover_letter) VALUES (%s, %s, %s)"
            f" ON CONFLICT (job_id, candidate) DO NOTHING RETURNING {APPLICATION_COLUMNS}",
            (id_, user.id, letter),
        ).fetchone()
    if row is None:
        raise HTTPException(409, "You have already applied to this job")
    return row


@app.get("/jobs/{job_id}/applications")
def job_applications(job_id: str, user: User = Depends(current_user)) -> dict[str, Any]:
    require_role(user, "employer")
    id_ = parse_id(job_id)
    with db.pool.connection() as conn:
        job = id_ and conn.execute("SELECT employer FROM jobs WHERE id = %s", (id_,)).fetchone()
        if not job:
            raise not_found("Job", job_id)
        if job["employer"] != user.id:
            raise HTTPException(403, "Only the employer who posted this job may see its applications")
        rows = conn.execute(f"SELECT {APPLICATION_COLUMNS} FROM applications WHERE job_id = %s ORDER BY id", (id_,))
        return {"data": rows.fetchall()}


@app.get("/me/applications")
def my_applications(user: User = Depends(current_user)) -> dict[str, Any]:
    require_role(user, "candidate")
    with db.pool.connection() as conn:
        rows = conn.execute(f"SELECT {APPLICATION_COLUMNS} FROM applications WHERE candidate = %s ORDER BY id", (user.id,))
        return {"data": rows.fetchall()}


# ---- Milestone 4: status changes and notifications ---------------------------------------------

# Where an application may go next from each status; offered and rejected are final.
NEXT_STATUSES = {
    "submitted": {"reviewing", "rejected"},
    "reviewing": {"interview", "rejected"},
    "interview": {"offered", "rejected"},
    "offered": set(),
    "rejected": set(),
}


@app.patch("/applications/{application_id}")
def change_status(application_id: str, user: User = Depends(current_user), body: Any = Depends(json_body)) -> dict[str, Any]:
    require_role(user, "employer")
    status = body.get("status") if isinstance(body, dict) else None
    if status not in NEXT_STATUSES:
        raise bad_request(f"status must be one of {', '.join(NEXT_STATUSES)}")
    id_ = parse_id(application_id)
    with db.pool.connection() as conn, conn.transaction():
        # FOR UPDATE: two changes of one application at once are made one after the other, each
        # seeing the status the other left.
        current = id_ and conn.execute(
            "SELECT a.status, j.employer FROM applications a JOIN jobs j ON j.id = a.job_id"
            " WHERE a.id = %s FOR UPDATE OF a",
            (id_,),
        ).fetchone()
        if not current:
            raise not_found("Application", application_id)
        if current["employer"] != user.id:
            raise HTTPException(403, "Only the employer who posted the job may change its applications")
        if status not in NEXT_STATUSES[current["status"]]:
            raise HTTPException(409, f"An application cannot go from {current['status']} to {status}")
        row = conn.execute(
            f"UPDATE applications SET status = %s WHERE id = %s RETURNING {APPLICATION_COLUMNS}", (status, id_)
        ).fetchone()
        # In the same transaction: the change and its notification are kept together or not at all.
        conn.execute(
            "INSERT INTO notifications (recipient, application_id, job_id, status) VALUES (%s, %s, %s, %s)",
            (row["candidate"], row["id"], row["job_id"], status),
        )
    return row


@app.get("/me/notifications")
def my_notifications(user: User = Depends(current_user)) -> dict[str, Any]:
    with db.pool.connection() as conn:
        rows = conn.execute(
            "SELECT application_id, job_id, status, read FROM notifications WHERE recipient = %s ORDER BY id",
            (user.id,),
        )
        return {"data": rows.fetchall()}


# ---- Errors ------------------------------------------------------------------------------------


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
