/**
 * An error that knows its HTTP status, so route code can say what went wrong:
 *   throw new HttpError(404, 'Book 7 not found', { code: 'book_not_found' });
 * status: 4xx or 5xx. message: the "detail" a client may see (for 4xx). code: an optional
 * stable, machine-readable id that clients can switch on.
 */
class HttpError extends Error {
  constructor(status, message, { code } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
  }
}

module.exports = { HttpError };
