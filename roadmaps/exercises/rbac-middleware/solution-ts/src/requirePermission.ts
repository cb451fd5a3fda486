import type { RequestHandler } from 'express';
import { can, roles } from './roles';

/**
 * Express middleware factory: requirePermission('articles:write') lets a request through only when
 * req.user exists and its role has that permission.
 *   no req.user            -> 401 { error }   (we do not know who you are)
 *   role lacks permission  -> 403 { error }   (we know who you are; you may not do this)
 */
export function requirePermission(permission: string): RequestHandler {
  // A typo in a route's permission would deny everyone; fail while the routes are set up instead.
  if (!Object.values(roles).some((definition) => definition.permissions.includes(permission))) {
    throw new Error(`requirePermission: no role grants "${permission}"`);
  }

  return (req, res, next) => {
    if (req.user === undefined) {
      res.status(401).json({ error: 'log in first: no user (X-User) on this request' });
      return;
    }
    if (!can(req.user.role, permission)) {
      res.status(403).json({ error: `the role "${req.user.role ?? ''}" lacks the permission "${permission}"` });
      return;
    }
    next();
  };
}
