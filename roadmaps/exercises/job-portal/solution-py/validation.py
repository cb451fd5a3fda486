"""Checks on what clients send. Each returns (value, None) when it is good, (None, "what is wrong")
when it is not."""

from typing import Any

JOB_FIELDS = ("title", "description", "location", "remote", "salary_min", "salary_max")


def is_int(value: object) -> bool:
    # True and False are ints in Python: a salary of `true` is not a number.
    return isinstance(value, int) and not isinstance(value, bool)


def validate_job(body: Any) -> tuple[dict[str, Any] | None, str | None]:
    """Milestone 1: a new job."""
    if not isinstance(body, dict):
        return None, "The body must be a JSON object"
    title = body.get("title")
    if not isinstance(title, str) or not title.strip():
        return None, "title is required"
    title = title.strip()
    if len(title) > 120:
        return None, "title must be at most 120 characters"
    for name in ("description", "location"):
        if not isinstance(body.get(name), str):
            return None, f"{name} must be a string"
    if not isinstance(body.get("remote"), bool):
        return None, "remote must be true or false"
    salary_min, salary_max = body.get("salary_min"), body.get("salary_max")
    if not is_int(salary_min) or not is_int(salary_max) or salary_min < 0:
        return None, "salary_min and salary_max must be whole numbers from 0"
    if salary_min > salary_max:
        return None, "salary_min must not be above salary_max"
    if salary_max > 2_000_000_000:
        return None, "salary_max is too large"
    return {**{name: body[name] for name in JOB_FIELDS}, "title": title}, None


def validate_job_change(body: Any) -> tuple[str | None, str | None]:
    """Milestone 1: PATCH /jobs/{id} takes {"status": "closed"}."""
    if not isinstance(body, dict) or body.get("status") != "closed":
        return None, 'The body must be {"status": "closed"}'
    return "closed", None


def parse_search(query: dict[str, str]) -> tuple[dict[str, Any] | None, str | None]:
    """Milestone 2: the filters of GET /jobs, from its query string. Missing or empty means no filter."""
    filters: dict[str, Any] = {}
    q = (query.get("q") or "").strip()
    if q:
        filters["q"] = q
    location = (query.get("location") or "").strip()
    if location:
        filters["location"] = location
    remote = query.get("remote")
    if remote:
        if remote not in ("true", "false"):
            return None, "remote must be true or false"
        filters["remote"] = remote == "true"
    min_salary = query.get("min_salary")
    if min_salary is not None and min_salary != "":
        if not min_salary.isascii() or not min_salary.isdigit() or len(min_salary) > 10:
            return None, "min_salary must be a whole number from 0"
        filters["min_salary"] = int(min_salary)
    return filters, None


def validate_application(body: Any) -> tuple[str | None, str | None]:
    """Milestone 3: {"cover_letter": "..."}, 1 to 2000 characters."""
    if not isinstance(body, dict):
        return None, "The body must be a JSON object"
    letter = body.get("cover_letter")
    if not isinstance(letter, str) or not letter.strip():
        return None, "cover_letter is required"
    if len(letter) > 2000:
        return None, "cover_letter must be at most 2000 characters"
    return letter, None
