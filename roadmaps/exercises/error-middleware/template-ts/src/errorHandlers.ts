import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { HttpError } from './httpError';

/** The part of console the handler needs; tests pass a fake one. */
export interface Logger {
  error(...args: unknown[]): void;
}

/** An RFC 9457 problem document, plus this API's `code` extension member. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  instance?: string;
}

// For requests no route matched.
export function notFound(req: Request, res: Response, next: NextFunction): void {
  // TODO: create an HttpError 404 (detail "No route for GET /some/path", code 'route_not_found')
  //       and pass it to next(error), so errorHandler below formats it like every other error.
  next(); // wrong: falls through to Express's built-in HTML "Cannot GET" page
}

/**
 * The one place that turns errors into responses: RFC 9457 "problem details".
 *   Content-Type: application/problem+json
 *   { "type": "about:blank", "title": "Not Found", "status": 404, "detail": "Book 7 not found", "code": "book_not_found" }
 * title is the standard text of the status: STATUS_CODES[404] is 'Not Found'.
 */
export function errorHandler({ logger = console }: { logger?: Logger } = {}): ErrorRequestHandler {
  // Express recognises error middleware by its four parameters, so keep all four.
  // err is `unknown`: anything can be thrown, not only Errors.
  return (err: unknown, req, res, next) => {
    // TODO:
    // 1. Work out the status and detail:
    //    - an HttpError (err instanceof HttpError): its status, its message as detail, its code;
    //    - invalid JSON from express.json() (err.type === 'entity.parse.failed'): 400;
    //    - other client errors from express.json() (err.expose is true, err.status is 4xx): keep them;
    //    - anything else: 500.
    // 2. For 5xx: log the whole error with logger.error(...) and send a generic detail instead of
    //    err.message. Never send err.stack.
    // 3. Send the problem document with res.status(...).type('application/problem+json').json(...).
    next(err); // wrong: Express's default handler answers with HTML (and a stack trace outside production)
  };
}
