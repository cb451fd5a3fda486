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
  next(new HttpError(404, `No route for ${req.method} ${req.path}`, { code: 'route_not_found' }));
}

/**
 * The one place that turns errors into responses: RFC 9457 "problem details".
 *   Content-Type: application/problem+json
 *   { "type": "about:blank", "title": "Not Found", "status": 404, "detail": "Book 7 not found", "code": "book_not_found" }
 * title is the standard text of the status: STATUS_CODES[404] is 'Not Found'.
 */
export function errorHandler({ logger = console }: { logger?: Logger } = {}): ErrorRequestHandler {
  // Express recognises error middleware by its four parameters, so keep all four.
  return (err: unknown, req, res, next) => {
    // Once part of the response is out, a problem document cannot follow; Express will close the connection.
    if (res.headersSent) return next(err);

    const { status, code, detail: clientDetail } = classify(err);
    let detail = clientDetail;
    if (status >= 500) {
      // The full error (message and stack) goes to the log; clients get a generic text, because
      // internal messages leak hosts, queries and sometimes secrets.
      logger.error(`${req.method} ${req.originalUrl} failed with ${status}:`, err);
      detail = 'Something went wrong on our side. It has been logged.';
    }
    const problem: Problem = {
      type: 'about:blank',
      title: STATUS_CODES[status] ?? 'Error',
      status,
      detail: detail ?? '',
    };
    if (code !== undefined) problem.code = code;
    res.status(status).type('application/problem+json').json(problem);
  };
}

/** What body-parser attaches to the errors it raises. */
interface ParserError {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
  message?: unknown;
}

// Decides what the client may learn from an error.
function classify(err: unknown): { status: number; detail?: string; code?: string } {
  if (err instanceof HttpError && err.status >= 400 && err.status <= 599) {
    return { status: err.status, detail: err.message, ...(err.code === undefined ? {} : { code: err.code }) };
  }
  if (typeof err !== 'object' || err === null) return { status: 500 };
  const e = err as ParserError;
  if (e.type === 'entity.parse.failed') return { status: 400, detail: 'The request body is not valid JSON.' };
  // Errors from Express and body-parser (413 too large, 415 bad charset...) mark themselves safe to show.
  if (e.expose === true && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return { status: e.status, detail: String(e.message) };
  }
  return { status: 500 };
}
