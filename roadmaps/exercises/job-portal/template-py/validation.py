"""Checks on what clients send. Each returns (value, None) when it is good, (None, "what is wrong")
when it is not."""

from typing import Any

JOB_FIELDS = ("title", "description", "location", "remote", "salary_min", "salary_max")


def validate_job(body: Any) -> tuple[dict[str, Any] | None, str | None]:
    """Milestone 1: a new job, {title, description, location, remote, salary_min, salary_max}."""
    # TODO (milestone 1): the rules are in the README. Return the job's six fields, title trimmed.
    return None, "validate_job is not written yet (milestone 1)"


def validate_job_change(body: Any) -> tuple[str | None, str | None]:
    """Milestone 1: PATCH /jobs/{id} takes {"status": "closed"}."""
    # TODO (milestone 1)
    return None, "validate_job_change is not written yet (milestone 1)"


def parse_search(query: dict[str, str]) -> tuple[dict[str, Any] | None, str | None]:
    """Milestone 2: the filters of GET /jobs (q, location, remote, min_salary) from its query string.
    Missing or empty means no filter."""
    # TODO (milestone 2): min_salary must be a whole number from 0, or 400.
    return {}, None


def validate_application(body: Any) -> tuple[str | None, str | None]:
    """Milestone 3: {"cover_letter": "..."}, 1 to 2000 characters."""
    # TODO (milestone 3)
    return None, "validate_application is not written yet (milestone 3)"
