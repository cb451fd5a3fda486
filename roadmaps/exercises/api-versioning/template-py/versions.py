"""The API's versions. Read README.md first; it lists every rule the check tests.

A version has three methods:
    present(user)   the stored user ({"id", "givenName", "familyName", "email"}) in its shape
    parse(body)     a request body in its shape -> (fields, None), or (None, "error") for a 400
    headers(path)   extra response headers for every answer under this version
"""

from typing import Any

Fields = dict[str, str]


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
        # TODO 2: v1 is deprecated: Deprecation (when, as @<unix seconds>), Sunset (when it goes
        #   away, as an HTTP date) and Link to the same path under /v2 with rel="successor-version".
        return {}


class V2:
    """v2: "givenName" and "familyName" instead of "name"."""

    # TODO 1: {"id", "givenName", "familyName", "email"}, and parse a body of that shape (all three
    #   strings required, "name" is not accepted: a v1 body sent to v2 is a 400).
    def present(self, user: dict[str, Any]) -> dict[str, Any]:
        return V1().present(user)

    def parse(self, body: dict[str, Any]) -> tuple[Fields | None, str | None]:
        return V1().parse(body)

    def headers(self, path: str) -> dict[str, str]:
        return {}


def resolve_version(segment: str) -> V1 | V2 | None:
    """The version for a path segment ("v1", "v2"), or None for any other (a 404)."""
    # TODO 3: v1 and v2 only.
    return V1() if segment == "v1" else None
