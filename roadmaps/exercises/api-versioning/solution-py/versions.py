"""The API's versions. Read README.md first; it lists every rule the check tests.

A version has three methods:
    present(user)   the stored user ({"id", "givenName", "familyName", "email"}) in its shape
    parse(body)     a request body in its shape -> (fields, None), or (None, "error") for a 400
    headers(path)   extra response headers for every answer under this version
"""

from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Any

Fields = dict[str, str]

# v1 has been deprecated since 1 January 2026, and answers until the end of 2026.
DEPRECATED_AT = datetime(2026, 1, 1, tzinfo=timezone.utc)
SUNSET_AT = datetime(2026, 12, 31, 23, 59, 59, tzinfo=timezone.utc)


def is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


class V1:
    """v1 (done for you; it is what clients use today): one "name" field."""

    def present(self, user: dict[str, Any]) -> dict[str, Any]:
        name = f"{user['givenName']} {user['familyName']}".strip()
        return {"id": user["id"], "name": name, "email": user["email"]}

    def parse(self, body: dict[str, Any]) -> tuple[Fields | None, str | None]:
        if not is_text(body.get("name")) or not is_text(body.get("email")):
            return None, 'v1 needs "name" and "email"'
        # The first word is the given name, the rest the family name ("Plato" has none).
        given, _, family = body["name"].strip().partition(" ")
        return {"givenName": given, "familyName": family.strip(), "email": body["email"]}, None

    def headers(self, path: str) -> dict[str, str]:
        successor = "/v2/" + path.removeprefix("/v1/")
        return {
            "Deprecation": f"@{int(DEPRECATED_AT.timestamp())}",  # RFC 9745: "@" and Unix seconds
            "Sunset": format_datetime(SUNSET_AT, usegmt=True),  # RFC 8594: an HTTP date
            "Link": f'<{successor}>; rel="successor-version"',
        }


class V2:
    """v2: "givenName" and "familyName" instead of "name"."""

    def present(self, user: dict[str, Any]) -> dict[str, Any]:
        return {key: user[key] for key in ("id", "givenName", "familyName", "email")}

    def parse(self, body: dict[str, Any]) -> tuple[Fields | None, str | None]:
        if not is_text(body.get("givenName")):
            return None, 'v2 needs "givenName"'
        if not isinstance(body.get("familyName"), str):
            return None, 'v2 needs "familyName" (it may be "")'
        if not is_text(body.get("email")):
            return None, 'v2 needs "email"'
        return {"givenName": body["givenName"], "familyName": body["familyName"], "email": body["email"]}, None

    def headers(self, path: str) -> dict[str, str]:
        return {}


VERSIONS: dict[str, V1 | V2] = {"v1": V1(), "v2": V2()}


def resolve_version(segment: str) -> V1 | V2 | None:
    """The version for a path segment ("v1", "v2"), or None for any other (a 404)."""
    return VERSIONS.get(segment)
