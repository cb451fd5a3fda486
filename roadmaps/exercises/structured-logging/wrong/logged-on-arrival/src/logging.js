const crypto = require('node:crypto');
const pino = require('pino');

/**
 * The app's logger: JSON lines on stdout (or on `destination`, for the tests), from `level` up.
 * Each line: "level" as a word ("info"), "time" as an ISO 8601 string, "msg", and the fields logged.
 */
function createLogger({ level = 'info', destination = process.stdout } = {}) {
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
function requestIdOf(header) {
  return typeof header === 'string' && validId.test(header) ? header : crypto.randomUUID();
}

/** The route label: the matched route's template ("/api/books/:id"), or "unmatched". */
function routeOf(req) {
  return req.route ? `${req.baseUrl}${req.route.path}` : 'unmatched';
}

/** Header names in lower case, each with one string value (repeated ones joined by ", "). */
function headersOf(req) {
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  return headers;
}

/** Express middleware, mounted first: a request id, req.log, and one access line per request. */
function requestLogging(logger) {
  return (req, res, next) => {
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
    // WRONG: logged as soon as the request arrives: no route has matched, the status is not known yet.
    log();
    next();
  };
}

module.exports = { createLogger, requestIdOf, routeOf, requestLogging };
