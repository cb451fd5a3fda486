// The one error type the calculator throws. Given: use it, don't change it.

/** A mistake in an expression, with the 0-based column where it was found: "unexpected ')' at 5". */
class ExpressionError extends Error {
  /**
   * @param {string} what what went wrong, without the column ("unexpected ')'")
   * @param {number} column 0-based column in the input
   */
  constructor(what, column) {
    super(`${what} at ${column}`);
    this.name = 'ExpressionError';
    this.column = column;
  }
}

module.exports = { ExpressionError };
