// Small helpers for the handlers (done for you).

/** Thrown by a handler: the app answers `status` with { "error": message }. */
class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The largest value of a PostgreSQL integer column. */
const MAX_INT = 2147483647;

/** A JSON number that is a whole number from 0 up to MAX_INT (not a string, not 1.5). */
const isWholeNumber = (value) => Number.isInteger(value) && value >= 0 && value <= MAX_INT;

/** A plain JSON object (not null, not an array). */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A path id ("12") as a number, or null when it cannot be an id (so the handler answers 404). */
function parseId(text) {
  if (!/^\d{1,10}$/.test(text)) return null;
  const id = Number(text);
  return id >= 1 && id <= MAX_INT ? id : null;
}

module.exports = { HttpError, MAX_INT, isWholeNumber, isObject, parseId };
