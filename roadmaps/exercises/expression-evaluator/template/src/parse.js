// Stage 2: tokens to a tree. Pick ONE method (the README explains both):
//  - precedence climbing: parseExpression(minPrecedence) reads an operand, then keeps taking
//    operators whose precedence is at least minPrecedence;
//  - shunting-yard: one loop with an operator stack and an output stack.
const { ExpressionError } = require('./errors');

/**
 * @typedef {{ type: 'number', value: number, column: number }
 *   | { type: 'negate', operand: Node, column: number }
 *   | { type: 'binary', op: '+' | '-' | '*' | '/' | '%' | '^', left: Node, right: Node, column: number }} Node
 */

/** Binary operators: how tightly each binds, and which side groups first. */
const BINARY = {
  '+': { precedence: 1, right: false },
  '-': { precedence: 1, right: false },
  '*': { precedence: 2, right: false },
  '/': { precedence: 2, right: false },
  '%': { precedence: 2, right: false },
  '^': { precedence: 4, right: true },
};
/** Unary minus sits between * and ^: -2^2 is -(2^2), and -2*3 is (-2)*3. */
const NEGATE_PRECEDENCE = 3;

/** The error for a token that cannot stand where it stands. */
function unexpected(token) {
  return new ExpressionError(token.kind === 'end' ? 'unexpected end of input' : `unexpected '${token.text}'`, token.column);
}

/**
 * @param {import('./tokenize').Token[]} tokens what tokenize() returned (ending with an 'end' token)
 * @returns {Node}
 * @throws {ExpressionError} "empty expression at 0", "unexpected ')' at 5", "missing ')' at 6", …
 */
function parse(tokens) {
  if (tokens[0].kind === 'end') throw new ExpressionError('empty expression', 0);
  // TODO: build the tree with the method you chose. Every node records the column of its token
  //       (for a binary or negate node, the operator's).
  // TODO: when the expression is done, the next token must be the end: "1 2" is an error at 2.
  throw unexpected(tokens[0]);
}

module.exports = { parse, BINARY, NEGATE_PRECEDENCE, unexpected };
