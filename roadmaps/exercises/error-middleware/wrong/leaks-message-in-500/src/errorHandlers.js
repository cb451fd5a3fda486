const { STATUS_CODES } = require('node:http');
const { HttpError } = require('./httpError');

// For requests no route matched.
function notFound(req, res, next) {
  next(new HttpError(404, `No route for ${req.method} ${req.path}`, { code: 'route_not_found' }));
}

/**
 * The one place that turns errors into responses: RFC 9457 "problem details".
 *   Content-Type: application/problem+json
 *   { "type": "about:blank", "title": "Not Found", "status": 404, "detail": "Book 7 not found", "code": "book_not_found" }
 * title is the standard text of the status: STATUS_CODES[404] is 'Not Found'.
 */
function errorHandler({ logger = console } = {}) {
  // Express recognises error middleware by its four parameters, so keep all four.
  return (err, req, res, next) => {
    // Once part of the response is out, a problem document cannot follow; Express will close the connection.
    if (res.headersSent) return next(err);

    let { status, detail, code } = classify(err);
    if (status >= 500) {
      // The full error (message and stack) goes to the log, where operators can see it; clients get a
      // generic text, because internal messages leak hosts, queries and sometimes secrets.
      logger.error(`${req.method} ${req.originalUrl} failed with ${status}:`, err);
      // WRONG: the real message is "useful for debugging", so it is sent to the client too.
      detail = err.message;
    }

    const problem = {
      type: 'about:blank', // RFC 9457: no specific problem type; title is then the status text
      title: STATUS_CODES[status] ?? 'Error',
      status,
      detail,
      instance: req.originalUrl,
    };
    if (code) problem.code = code; // an extension member: stable for clients, unlike the wording of detail
    res.status(status).type('application/problem+json').json(problem);
  };
}

// Decides what the client may learn from an error.
function classify(err) {
  if (err instanceof HttpError && err.status >= 400 && err.status <= 599) {
    return { status: err.status, detail: err.message, code: err.code };
  }
  if (err?.type === 'entity.parse.failed') {
    return { status: 400, detail: 'The request body is not valid JSON.', code: 'invalid_json' };
  }
  // Errors from Express and body-parser (413 too large, 415 bad charset...) mark themselves safe to show.
  if (err?.expose === true && Number.isInteger(err.status) && err.status >= 400 && err.status < 500) {
    return { status: err.status, detail: err.message };
  }
  return { status: 500 };
}

module.exports = { notFound, errorHandler };
