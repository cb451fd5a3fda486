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
  return pino(
    {
      level,
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      base: undefined,
      // Applied to every line before it is written, child loggers included.
      redact: { paths: ['headers.authorization', 'headers.cookie'], censor: '[REDACTED]' },
    },
    destination,
  );
}

const validId = /^[A-Za-z0-9._-]{1,64}$/;

/** The request id to use: the caller's X-Request-Id if valid (1 to 64 of A-Z a-z 0-9 . _ -), else a new UUID. */
export function requestIdOf(header: string | undefined): string {
  return header !== undefined && validId.test(header) ? header : crypto.randomUUID();
}

/** The route label: the matched route's template ("/api/books/:id"), or "unmatched". */
export function routeOf(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  return typeof route?.path === 'string' ? `${req.baseUrl}${route.path}` : 'unmatched';
}

/** Header names in lower case, each with one string value (repeated ones joined by ", "). */
function headersOf(req: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Express middleware, mounted first: a request id, req.log, and one access line per request. */
export function requestLogging(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req.get('x-request-id'));
    res.set('X-Request-Id', requestId);
    req.log = logger.child({ requestId });
    let logged = false;
    const log = () => {
      if (logged) return;
      logged = true;
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      req.log[level]({ method: req.method, route: routeOf(req), status, durationMs, headers: headersOf(req) }, 'request completed');
    };
    res.on('finish', log);
    res.on('close', log);
    next();
  };
}
