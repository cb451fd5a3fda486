// The three stages, one after the other. Given: you write the stages, not this.
const { tokenize } = require('./tokenize');
const { parse } = require('./parse');
const { evaluate } = require('./evaluate');
const { ExpressionError } = require('./errors');

/**
 * Computes an arithmetic expression: calculate('1 + 2 * 3') is 7.
 * @param {string} input
 * @returns {number}
 * @throws {ExpressionError}
 */
function calculate(input) {
  return evaluate(parse(tokenize(input)));
}

module.exports = { calculate, tokenize, parse, evaluate, ExpressionError };
