import crypto from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

// Every Express request has `req.log`, the request's own logger.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      log: Logger;
    }
  }
}

/**
 * The app's logger: JSON lines on stdout (or on `destination`, for the tests), from `level` up.
 * Each line: "level" as a word ("info"), "time" as an ISO 8601 string, "msg", and the fields logged.
 */
export function createLogger({ level = 'info', destination = process.stdout as DestinationStream } = {}): Logger {
  // TODO 1: pino options: level; formatters.level to write the level's label; timestamp
  // pino.stdTimeFunctions.isoTime; base: undefined (no pid and hostname); and redact the paths
  // headers.authorization and headers.cookie with the censor "[REDACTED]".
  return pino({ level }, destination);
}

/** The request id to use: the caller's X-Request-Id if valid (1 to 64 of A-Z a-z 0-9 . _ -), else a new UUID. */
export function requestIdOf(header: string | undefined): string {
  // TODO 2: validate the header; otherwise crypto.randomUUID().
  void crypto;
  return header ?? 'TODO';
}

/** The route label: the matched route's template ("/api/books/:id"), or "unmatched". */
export function routeOf(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  return typeof route?.path === 'string' ? `${req.baseUrl}${route.path}` : 'unmatched';
}

/** Express middleware, mounted first: a request id, req.log, and one access line per request. */
export function requestLogging(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    // TODO 3: the request id (requestIdOf(req.get('x-request-id'))), set as the X-Request-Id response
    // header; req.log = a child logger carrying { requestId }; and when the response is finished,
    // one line at info/warn/error (by status) with method, route, status, durationMs and headers.
    req.log = logger;
    next();
  };
}
