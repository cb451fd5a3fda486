// Who may do what. A role gets its own permissions plus everything of the roles it inherits:
// admin -> editor -> viewer.
const roles = {
  viewer: { permissions: ['articles:read'] },
  editor: { inherits: ['viewer'], permissions: ['articles:write'] },
  admin: { inherits: ['editor'], permissions: ['articles:delete', 'users:manage'] },
};

/** Every permission the role has, inherited ones included, as a Set. Unknown roles have none. */
function permissionsFor(role) {
  if (typeof role !== 'string' || !Object.hasOwn(roles, role)) return new Set();
  // WRONG: only the role's own permissions; "inherits" is never followed.
  return new Set(roles[role].permissions);
}

/** True when the role has the permission. */
function can(role, permission) {
  return permissionsFor(role).has(permission);
}

module.exports = { roles, permissionsFor, can };
