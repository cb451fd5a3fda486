/**
 * An error that knows its HTTP status, so route code can say what went wrong:
 *   throw new HttpError(404, 'Book 7 not found', { code: 'book_not_found' });
 * status: 4xx or 5xx. message: the "detail" a client may see (for 4xx). code: an optional
 * stable, machine-readable id that clients can switch on.
 */
export class HttpError extends Error {
  // Declared here; the compiler reports them until the constructor sets them.
  readonly status: number;
  readonly code: string | undefined;

  constructor(status: number, message: string, { code }: { code?: string } = {}) {
    super(message);
    // TODO: keep status and code on the error (this.status = status, ...), and set this.name to 'HttpError'
    //       (the name shows up in logs and stack traces).
  }
}
