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
    // WRONG: reads the role header directly, so X-Role: admin without any X-User is let in, and a
    // missing user is only a 401 when the role header is missing too.
    const role = req.get('x-role');
    if (!req.user && role === undefined) return res.status(401).json({ error: 'authentication required' });
    if (!can(role, permission)) {
      return res.status(403).json({ error: `forbidden: this action needs the "${permission}" permission` });
    }
    next();
  };
}

module.exports = { requirePermission };
