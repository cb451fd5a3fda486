// Who may do what. A role gets its own permissions plus everything of the roles it inherits:
// admin -> editor -> viewer.
const roles = {
  viewer: { permissions: ['articles:read'] },
  editor: { inherits: ['viewer'], permissions: ['articles:write'] },
  admin: { inherits: ['editor'], permissions: ['articles:delete', 'users:manage'] },
};

/** Every permission the role has, inherited ones included, as a Set. Unknown roles have none. */
function permissionsFor(role, seen = new Set()) {
  // WRONG: `in` also finds what every object inherits ("constructor", "toString"...), whose
  // .permissions is undefined, and spreading undefined throws: a 500.
  if (!(role in roles) || seen.has(role)) return new Set();
  seen.add(role);
  const result = new Set([...roles[role].permissions]);
  for (const parent of roles[role].inherits ?? []) {
    for (const permission of permissionsFor(parent, seen)) result.add(permission);
  }
  return result;
}

/** True when the role has the permission. */
function can(role, permission) {
  return permissionsFor(role).has(permission);
}

module.exports = { roles, permissionsFor, can };
