// Stage 1: text to tokens. "12.5*(3 - x" becomes number 12.5, operator *, paren (, number 3,
// operator -, and then an error: 'x' is not a character the calculator knows.
const { ExpressionError } = require('./errors');

/**
 * @typedef {{ kind: 'number', text: string, value: number, column: number }
 *   | { kind: 'operator', text: '+' | '-' | '*' | '/' | '%' | '^', column: number }
 *   | { kind: 'paren', text: '(' | ')', column: number }
 *   | { kind: 'end', text: '', column: number }} Token
 */

/**
 * Splits the whole input into tokens, skipping whitespace. The last token is always
 * { kind: 'end', text: '', column: input.length }.
 * @param {string} input
 * @returns {Token[]}
 * @throws {ExpressionError} "unexpected character 'x' at 11" for anything else
 */
function tokenize(input) {
  const tokens = [];
  let i = 0;
  while (i < input.length) {
    // TODO: skip whitespace (/\s/).
    // TODO: a number is one or more digits, optionally followed by '.' and one or more digits.
    //       Remember where it started: that is its column. value is Number(text).
    // TODO: one of + - * / % ^ is an operator; ( and ) are parens.
    // TODO: anything else: throw new ExpressionError(`unexpected character '${input[i]}'`, i).
    throw new ExpressionError(`unexpected character '${input[i]}'`, i);
  }
  tokens.push({ kind: 'end', text: '', column: input.length });
  return tokens;
}

module.exports = { tokenize };
