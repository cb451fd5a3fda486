// Who may do what. A role gets its own permissions plus everything of the roles it inherits:
// admin -> editor -> viewer.
const roles = {
  viewer: { permissions: ['articles:read'] },
  editor: { inherits: ['viewer'], permissions: ['articles:write'] },
  admin: { inherits: ['editor'], permissions: ['articles:delete', 'users:manage'] },
};

/** Every permission the role has, inherited ones included, as a Set. Unknown roles have none. */
function permissionsFor(role, seen = new Set()) {
  // WRONG: roles[role] is truthy for "constructor", "__proto__", "toString"..., and their
  // .permissions is undefined: iterating it throws, so those roles get a 500 instead of a 403.
  const definition = roles[role];
  if (!definition || seen.has(role)) return new Set();
  seen.add(role);
  const result = new Set();
  for (const permission of definition.permissions) result.add(permission);
  for (const parent of definition.inherits ?? []) {
    for (const permission of permissionsFor(parent, seen)) result.add(permission);
  }
  return result;
}

/** True when the role has the permission. */
function can(role, permission) {
  return permissionsFor(role).has(permission);
}

module.exports = { roles, permissionsFor, can };
