// Stage 3: a tree to a number, by walking it.
const { ExpressionError } = require('./errors');

/**
 * @param {import('./parse').Node} node
 * @returns {number}
 * @throws {ExpressionError} "division by zero at 2" for / or % by zero (the operator's column)
 */
function evaluate(node) {
  // TODO: a number is its value; negate is minus its operand; a binary node evaluates its left side,
  //       then its right side, then applies its operator (^ is Math.pow, or **).
  // TODO: / and % by zero: throw new ExpressionError('division by zero', node.column).
  throw new Error('not written yet');
}

module.exports = { evaluate };
