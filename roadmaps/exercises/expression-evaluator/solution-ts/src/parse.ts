// Stage 2: tokens to a tree, by precedence climbing: parseExpression(minPrecedence) reads an
// operand, then keeps taking binary operators that bind at least as tightly as minPrecedence.
import { ExpressionError } from './errors';
import type { Operator, Token } from './tokenize';

export type Node =
  | { type: 'number'; value: number; column: number }
  | { type: 'negate'; operand: Node; column: number }
  | { type: 'binary'; op: Operator; left: Node; right: Node; column: number };

/** Binary operators: how tightly each binds, and which side groups first. */
export const BINARY: Record<Operator, { precedence: number; right: boolean }> = {
  '+': { precedence: 1, right: false },
  '-': { precedence: 1, right: false },
  '*': { precedence: 2, right: false },
  '/': { precedence: 2, right: false },
  '%': { precedence: 2, right: false },
  '^': { precedence: 4, right: true },
};
/** Unary minus sits between * and ^: -2^2 is -(2^2), and -2*3 is (-2)*3. */
export const NEGATE_PRECEDENCE = 3;

/** The error for a token that cannot stand where it stands. */
export function unexpected(token: Token): ExpressionError {
  return new ExpressionError(token.kind === 'end' ? 'unexpected end of input' : `unexpected '${token.text}'`, token.column);
}

/**
 * Builds the tree from what tokenize() returned (ending with an 'end' token). Throws an
 * ExpressionError: "empty expression at 0", "unexpected ')' at 5", "missing ')' at 6", …
 */
export function parse(tokens: Token[]): Node {
  if (tokens[0].kind === 'end') throw new ExpressionError('empty expression', 0);
  let pos = 0;
  // The 'end' token stops every loop before pos can run past it.
  const peek = (): Token => tokens[pos];
  const next = (): Token => tokens[pos++];

  /** An operand: a number, a parenthesised expression, or a minus in front of an operand. */
  function parseOperand(): Node {
    const token = next();
    if (token.kind === 'number') return { type: 'number', value: token.value, column: token.column };
    if (token.kind === 'operator' && token.text === '-') {
      // Only operators tighter than negation (^) join the operand: -2^2 is -(2^2).
      return { type: 'negate', operand: parseExpression(NEGATE_PRECEDENCE), column: token.column };
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

  function parseExpression(minPrecedence: number): Node {
    let left = parseOperand();
    for (;;) {
      const token = peek();
      if (token.kind !== 'operator') return left;
      const op = BINARY[token.text];
      if (op.precedence < minPrecedence) return left;
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
