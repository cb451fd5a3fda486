"""Checks on what clients send. Each returns (value, None) when it is good, (None, "what is wrong")
when it is not."""

from typing import Any

MAX_INT = 2_147_483_647  # the largest PostgreSQL integer


def validate_job(body: Any) -> tuple[dict[str, Any] | None, str | None]:
    """Milestone 1: a new job. Returns the six fields {title, description, location, remote,
    salary_min, salary_max}; anything else in the body (employer, status, role) is ignored."""
    # TODO (milestone 1): the rules are in the README (milestone 1, step 2).
    return None, "validate_job is not written yet (milestone 1)"


def validate_job_change(body: Any) -> tuple[str | None, str | None]:
    """Milestone 1: PATCH /jobs/{id} takes {"status": "closed"}."""
    # TODO (milestone 1)
    return None, "validate_job_change is not written yet (milestone 1)"


def parse_search(query: dict[str, str]) -> tuple[dict[str, Any] | None, str | None]:
    """Milestone 2: the filters of GET /jobs (q, location, remote, min_salary) from its query string."""
    # TODO (milestone 2): q and location given empty are ignored; remote must be "true" or "false";
    #   min_salary digits only. Return e.g. {"q": "developer", "remote": True, "min_salary": 50000}.
    return {}, None


def validate_application(body: Any) -> tuple[str | None, str | None]:
    """Milestone 3: {"cover_letter": "..."}, 1 to 2000 characters."""
    # TODO (milestone 3)
    return None, "validate_application is not written yet (milestone 3)"
