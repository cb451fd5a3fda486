/**
 * Express middleware: checks req.body against a zod schema.
 * Invalid: 400 { errors: [{ path, message }] } listing every problem.
 * Valid: req.body becomes the parsed value (trimmed, defaults filled, unknown keys gone) and the
 * next handler runs.
 */
function validate(schema) {
  return async (req, res, next) => {
    // The async variant also runs async checks (say, "is this email taken?") if a schema has them.
    const result = await schema.safeParseAsync(req.body);
    if (!result.success) {
      return res.status(400).json({ errors: formatIssues(result.error.issues) });
    }
    req.body = result.data;
    next();
  };
}

/** zod issues -> [{ path: 'address.city', message }]; the whole body has path ''. */
function formatIssues(issues) {
  return issues.flatMap((issue) => {
    // zod reports all unknown keys in one issue on the parent object; give each its own path.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...issue.path, key].join('.'),
        message: `Unknown field "${key}"`,
      }));
    }
    // WRONG: zod's code goes along, so errors are no longer just { path, message }.
    return [{ path: issue.path.join('.'), message: issue.message, code: issue.code }];
  });
}

module.exports = { validate, formatIssues };
