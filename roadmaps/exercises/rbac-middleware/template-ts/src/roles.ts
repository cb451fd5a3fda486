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

/** Every permission the role has, inherited ones included, as a Set. Unknown roles have none. */
export function permissionsFor(role: string | undefined): Set<string> {
  // TODO: add the permissions of the inherited roles too (and of the roles they inherit).
  //       Careful with unknown role names: roles['constructor'] is not undefined, whatever the
  //       Record type says!
  return new Set(role === undefined ? [] : (roles[role]?.permissions ?? []));
}

/** True when the role has the permission. */
export function can(role: string | undefined, permission: string): boolean {
  return permissionsFor(role).has(permission);
}
