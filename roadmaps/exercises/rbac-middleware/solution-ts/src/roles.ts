// Who may do what. A role gets its own permissions plus everything of the roles it inherits:
// admin -> editor -> viewer.
export interface RoleDefinition {
  permissions: readonly string[];
  inherits?: readonly string[];
}

export const roles: Readonly<Record<string, RoleDefinition>> = {
  viewer: { permissions: ['articles:read'] },
  editor: { inherits: ['viewer'], permissions: ['articles:write'] },
  admin: { inherits: ['editor'], permissions: ['articles:delete', 'users:manage'] },
};

/** The role's own definition, or undefined: Object.hasOwn skips "constructor", "__proto__" and the like. */
function definitionOf(role: string | undefined): RoleDefinition | undefined {
  return role !== undefined && Object.hasOwn(roles, role) ? roles[role] : undefined;
}

/** Every permission the role has, inherited ones included, as a Set. Unknown roles have none. */
export function permissionsFor(role: string | undefined): Set<string> {
  const granted = new Set<string>();
  const visited = new Set<string>();
  const queue = role === undefined ? [] : [role];
  // Breadth first over the inheritance graph; `visited` stops a cycle.
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const definition = definitionOf(name);
    if (!definition || visited.has(name)) continue;
    visited.add(name);
    definition.permissions.forEach((p) => granted.add(p));
    queue.push(...(definition.inherits ?? []));
  }
  return granted;
}

/** True when the role has the permission. */
export function can(role: string | undefined, permission: string): boolean {
  return permissionsFor(role).has(permission);
}
