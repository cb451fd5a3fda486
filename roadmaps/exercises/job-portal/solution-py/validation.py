"""Checks on what clients send. Each returns (value, None) when it is good, (None, "what is wrong")
when it is not."""

from typing import Any

MAX_INT = 2_147_483_647  # the largest PostgreSQL integer


def is_int(value: object) -> bool:
    # True and False are ints in Python: a salary of `true` is not a number.
    return isinstance(value, int) and not isinstance(value, bool)


def text_field(body: dict[str, Any], name: str, longest: int) -> tuple[str | None, str | None]:
    value = body.get(name)
    if not isinstance(value, str) or not value.strip():
        return None, f"{name} is required (a non-empty string)"
    if len(value) > longest:
        return None, f"{name} must be at most {longest} characters"
    return value, None


def validate_job(body: Any) -> tuple[dict[str, Any] | None, str | None]:
    """Milestone 1: a new job. Fields the API does not know (employer, status, role) are ignored."""
    if not isinstance(body, dict):
        return None, "The body must be a JSON object"
    job: dict[str, Any] = {}
    for name, longest in (("title", 120), ("description", 5000), ("location", 100)):
        job[name], problem = text_field(body, name, longest)
        if problem:
            return None, problem
    if not isinstance(body.get("remote"), bool):
        return None, "remote must be true or false"
    job["remote"] = body["remote"]
    for name in ("salary_min", "salary_max"):
        value = body.get(name)
        if not is_int(value) or not 0 <= value <= MAX_INT:
            return None, f"{name} must be a whole number from 0 to {MAX_INT}"
        job[name] = value
    if job["salary_min"] > job["salary_max"]:
        return None, "salary_min must not be above salary_max"
    return job, None


def validate_job_change(body: Any) -> tuple[str | None, str | None]:
    """Milestone 1: PATCH /jobs/{id} takes {"status": "closed"}."""
    if not isinstance(body, dict) or body.get("status") != "closed":
        return None, 'The body must be {"status": "closed"}'
    return "closed", None


def parse_search(query: dict[str, str]) -> tuple[dict[str, Any] | None, str | None]:
    """Milestone 2: the filters of GET /jobs (q, location, remote, min_salary) from its query string."""
    filters: dict[str, Any] = {}
    q = (query.get("q") or "").strip()
    if q:
        filters["q"] = q
    location = (query.get("location") or "").strip()
    if location:
        filters["location"] = location
    # remote and min_salary given empty are not ignored: an empty value is not true, false or digits.
    remote = query.get("remote")
    if remote is not None:
        if remote not in ("true", "false"):
            return None, "remote must be true or false"
        filters["remote"] = remote == "true"
    min_salary = query.get("min_salary")
    if min_salary is not None:
        # isdigit alone would take "²" or "٣"; isascii keeps it to 0-9. No sign, no decimal point.
        if not (min_salary.isascii() and min_salary.isdigit()) or int(min_salary) > MAX_INT:
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
