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
    # TODO: add the permissions of the inherited roles too (and of the roles they inherit).
    if role not in ROLES:
        return set()
    return set(ROLES[role]["permissions"])


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
    # TODO: raise a ValueError now if no role grants `permission` (a typo like "articles:raed"
    #       would otherwise lock everyone out, silently).

    async def check(user: User | None = Depends(current_user)) -> User:
        # TODO: raise HTTPException(401, ...) without a user, HTTPException(403, ...) naming the
        #       permission when can(user.role, permission) is false, and return the user only when
        #       access is allowed.
        return user  # wrong: lets everyone in

    return check
