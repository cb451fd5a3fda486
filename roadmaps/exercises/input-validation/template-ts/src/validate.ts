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
    // TODO: run schema.safeParseAsync(req.body).
    // - On failure, answer 400 with { errors: formatIssues(result.error.issues) } and stop.
    // - On success, replace req.body with result.data, then call next().
    next();
  };
}

/**
 * zod issues -> [{ path, message }].
 * - path is the issue's path joined with dots ('email', 'address.city'); the whole body is ''.
 * - An issue with code 'unrecognized_keys' lists several keys in issue.keys: give each key its own
 *   entry, e.g. { path: 'isAdmin', message: 'Unknown field "isAdmin"' }.
 */
export function formatIssues(issues: z.core.$ZodIssue[]): FieldError[] {
  throw new Error(`TODO: implement formatIssues(issues) in src/validate.ts (${issues.length} issues)`);
}
