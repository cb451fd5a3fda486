// Who may do what. A role gets its own permissions plus everything of the roles it inherits:
// admin -> editor -> viewer.
const roles = {
  viewer: { permissions: ['articles:read'] },
  editor: { inherits: ['viewer'], permissions: ['articles:write'] },
  admin: { inherits: ['editor'], permissions: ['articles:delete', 'users:manage'] },
};

/** Every permission the role has, inherited ones included, as a Set. Unknown roles have none. */
function permissionsFor(role, seen = new Set()) {
  if (typeof role !== 'string' || !Object.hasOwn(roles, role) || seen.has(role)) return new Set();
  seen.add(role);
  const result = new Set(roles[role].permissions);
  // WRONG: follows inheritance the wrong way, collecting the roles that inherit FROM this one, so a
  // viewer gets everything an editor and an admin have.
  for (const [child, definition] of Object.entries(roles)) {
    if (!(definition.inherits ?? []).includes(role)) continue;
    for (const permission of permissionsFor(child, seen)) result.add(permission);
  }
  return result;
}

/** True when the role has the permission. */
function can(role, permission) {
  return permissionsFor(role).has(permission);
}

module.exports = { roles, permissionsFor, can };
