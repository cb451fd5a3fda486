// Stage 2: tokens to a tree, by Dijkstra's shunting-yard: one loop over the tokens with a stack of
// operators waiting for their right operand and a stack of finished subtrees. A flag says whether an
// operand or an operator is expected next; that is what tells a unary minus from a binary one.
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
  /** Entries: { kind: 'negate' | 'binary' | '(', op, column }. */
  const operators = [];
  /** Finished subtrees. */
  const output = [];

  const precedenceOf = (entry) => (entry.kind === 'negate' ? NEGATE_PRECEDENCE : BINARY[entry.op].precedence);

  /** Pops one operator and builds its node from the subtrees it applies to. */
  function reduce() {
    const entry = operators.pop();
    if (entry.kind === 'negate') {
      output.push({ type: 'negate', operand: output.pop(), column: entry.column });
    } else {
      const right = output.pop();
      const left = output.pop();
      output.push({ type: 'binary', op: entry.op, left, right, column: entry.column });
    }
  }

  let expectOperand = true;
  for (const token of tokens) {
    if (expectOperand) {
      if (token.kind === 'number') {
        output.push({ type: 'number', value: token.value, column: token.column });
        expectOperand = false;
      } else if (token.kind === 'paren' && token.text === '(') {
        operators.push({ kind: '(', column: token.column });
      } else if (token.kind === 'operator' && token.text === '-') {
        // A prefix operator has no left operand yet, so nothing is reduced before pushing it.
        operators.push({ kind: 'negate', op: '-', column: token.column });
      } else {
        throw unexpected(token);
      }
      continue;
    }
    if (token.kind === 'operator') {
      const op = BINARY[token.text];
      // Reduce what binds tighter; on a tie, a left-associative operator reduces too, ^ does not.
      for (;;) {
        const top = operators.at(-1);
        if (!top || top.kind === '(') break;
        const p = precedenceOf(top);
        if (p > op.precedence || (p === op.precedence && !op.right)) reduce();
        else break;
      }
      operators.push({ kind: 'binary', op: token.text, column: token.column });
      expectOperand = true;
    } else if (token.kind === 'paren' && token.text === ')') {
      while (operators.length > 0 && operators.at(-1).kind !== '(') reduce();
      if (operators.length === 0) throw unexpected(token);
      operators.pop();
    } else if (token.kind === 'end') {
      while (operators.length > 0) {
        if (operators.at(-1).kind === '(') throw new ExpressionError("missing ')'", token.column);
        reduce();
      }
    } else {
      throw unexpected(token);
    }
  }
  return output[0];
}

module.exports = { parse, BINARY, NEGATE_PRECEDENCE, unexpected };
