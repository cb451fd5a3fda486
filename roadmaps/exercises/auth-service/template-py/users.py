"""The users, in memory: done, so the milestones are about authentication, not storage. Swap it for a
database later; the routes only use these methods."""

from typing import Any


class UserStore:
    def __init__(self) -> None:
        self._users: dict[int, dict[str, Any]] = {}
        self._last_id = 0

    def insert(self, email: str, password_hash: str, role: str) -> dict[str, Any]:
        """Stores a user under a new id (1, 2, 3, ...) and returns it:
        {"id", "email", "passwordHash", "role"}."""
        self._last_id += 1
        user = {"id": self._last_id, "email": email, "passwordHash": password_hash, "role": role}
        self._users[user["id"]] = user
        return user

    def get(self, user_id: int) -> dict[str, Any] | None:
        return self._users.get(user_id)

    def find_by_email(self, email: str) -> dict[str, Any] | None:
        """Compared as given: store emails in one case."""
        return next((u for u in self._users.values() if u["email"] == email), None)

    def all(self) -> list[dict[str, Any]]:
        """Every user, oldest first."""
        return list(self._users.values())
