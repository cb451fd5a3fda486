"""Who may do what. A role gets its own permissions plus everything of the roles it inherits:
admin -> editor -> viewer.
"""

from fastapi import Depends, HTTPException

from users import User, current_user

ROLES: dict[str, dict[str, list[str]]] = {
    "viewer": {"permissions": ["articles:read"]},
    "editor": {"inherits": ["viewer"], "permissions": ["articles:write"]},
    "admin": {"inherits": ["editor"], "permissions": ["articles:delete", "users:manage"]},
}


def permissions_for(role: str | None) -> set[str]:
    """Every permission the role has, inherited ones included. Unknown roles (and None) have none."""
    granted: set[str] = set()
    visited: set[str] = set()
    pending = [role]
    # Walk the inheritance graph breadth-first; `visited` keeps a cycle from looping forever.
    while pending:
        name = pending.pop()
        if name is None or name in visited or name not in ROLES:
            continue
        visited.add(name)
        definition = ROLES[name]
        granted.update(definition["permissions"])
        pending.extend(definition.get("inherits", []))
    return granted


def can(role: str | None, permission: str) -> bool:
    """True when the role has the permission."""
    return permission in permissions_for(role)


def require_permission(permission: str):
    """A dependency for routes that need `permission`. It gives the route the user when access is
    allowed, and otherwise raises:
      no user                -> 401 {"error": ...}   (we do not know who you are)
      role lacks permission  -> 403 {"error": ...}   (we know who you are; you may not do this),
                                and the error names the missing permission
    """
    if not any(permission in definition["permissions"] for definition in ROLES.values()):
        raise ValueError(f"no role grants the permission {permission!r}: a typo?")

    async def check(user: User | None = Depends(current_user)) -> User:
        if user is None:
            raise HTTPException(401, "not logged in: send X-User (and X-Role)")
        if not can(user.role, permission):
            raise HTTPException(403, f"role {user.role!r} lacks the permission {permission!r}")
        return user

    return check
