import type { RequestHandler } from 'express';
import type { z } from 'zod';

/** One problem with the body, as the client sees it. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * Express middleware: checks req.body against a zod schema.
 * Invalid: 400 { errors: [{ path, message }] } listing every problem.
 * Valid: req.body becomes the parsed value (trimmed, defaults filled, unknown keys gone) and the
 * next handler runs.
 */
export function validate(schema: z.ZodType): RequestHandler {
  return async (req, res, next) => {
    // The async variant also runs async checks (say, "is this email taken?") if a schema has them.
    const result = await schema.safeParseAsync(req.body);
    if (!result.success) {
      res.status(400).json({ errors: formatIssues(result.error.issues) });
      return;
    }
    req.body = result.data;
    next();
  };
}

/** zod issues -> [{ path: 'address.city', message }]; the whole body has path ''. */
export function formatIssues(issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const at = issue.path.map(String);
    // zod reports all unknown keys in one issue on the parent object; give each its own path.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...at, key].join('.'), message: `Unknown field "${key}"` }));
    }
    return [{ path: at.join('.'), message: issue.message }];
  });
}
