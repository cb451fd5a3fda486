const crypto = require('node:crypto');
const pino = require('pino');

/**
 * The app's logger: JSON lines on stdout (or on `destination`, for the tests), from `level` up.
 * Each line: "level" as a word ("info"), "time" as an ISO 8601 string, "msg", and the fields logged.
 */
function createLogger({ level = 'info', destination = process.stdout } = {}) {
  // TODO 1: pino options: level; formatters.level to write the level's label; timestamp
  // pino.stdTimeFunctions.isoTime; base: undefined (no pid and hostname); and redact the paths
  // headers.authorization and headers.cookie with the censor "[REDACTED]".
  return pino({ level }, destination);
}

/** The request id to use: the caller's X-Request-Id if valid (1 to 64 of A-Z a-z 0-9 . _ -), else a new UUID. */
function requestIdOf(header) {
  // TODO 2: validate the header; otherwise crypto.randomUUID().
  return header ?? 'TODO';
}

/** The route label: the matched route's template ("/api/books/:id"), or "unmatched". */
function routeOf(req) {
  return req.route ? `${req.baseUrl}${req.route.path}` : 'unmatched';
}

/** Express middleware, mounted first: a request id, req.log, and one access line per request. */
function requestLogging(logger) {
  return (req, res, next) => {
    // TODO 3: the request id (requestIdOf(req.get('x-request-id'))), set as the X-Request-Id response
    // header; req.log = a child logger carrying { requestId }; and when the response is finished,
    // one line at info/warn/error (by status) with method, route, status, durationMs and headers.
    req.log = logger;
    next();
  };
}

module.exports = { createLogger, requestIdOf, routeOf, requestLogging };
