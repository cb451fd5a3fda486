// The one error type the calculator throws. Given: use it, don't change it.

/** A mistake in an expression, with the 0-based column where it was found: "unexpected ')' at 5". */
export class ExpressionError extends Error {
  readonly column: number;

  /** `what` says what went wrong, without the column ("unexpected ')'"). */
  constructor(what: string, column: number) {
    super(`${what} at ${column}`);
    this.name = 'ExpressionError';
    this.column = column;
  }
}
