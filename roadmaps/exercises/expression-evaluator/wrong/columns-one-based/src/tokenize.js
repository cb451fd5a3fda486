// Stage 1: text to tokens. "12.5*(3 - x" becomes number 12.5, operator *, paren (, number 3,
// operator -, and then an error: 'x' is not a character the calculator knows.
const { ExpressionError } = require('./errors');

/**
 * @typedef {{ kind: 'number', text: string, value: number, column: number }
 *   | { kind: 'operator', text: '+' | '-' | '*' | '/' | '%' | '^', column: number }
 *   | { kind: 'paren', text: '(' | ')', column: number }
 *   | { kind: 'end', text: '', column: number }} Token
 */

const isDigit = (c) => c >= '0' && c <= '9';

/**
 * Splits the whole input into tokens, skipping whitespace. The last token is always
 * { kind: 'end', text: '', column: input.length }.
 * @param {string} input
 * @returns {Token[]}
 * @throws {ExpressionError} "unexpected character 'x' at 11" for anything else
 */
function tokenize(input) {
  const tokens = [];
  // WRONG: columns counted from 1, as an editor shows them, where the README counts from 0.
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
    } else if (isDigit(c)) {
      const start = i;
      while (isDigit(input[i])) i++;
      // A '.' belongs to the number only if a digit follows it: "1." leaves the '.' unexpected.
      if (input[i] === '.' && isDigit(input[i + 1])) {
        i++;
        while (isDigit(input[i])) i++;
      }
      const text = input.slice(start, i);
      tokens.push({ kind: 'number', text, value: Number(text), column: start + 1 });
    } else if ('+-*/%^'.includes(c)) {
      tokens.push({ kind: 'operator', text: c, column: i + 1 });
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: 'paren', text: c, column: i + 1 });
      i++;
    } else {
      throw new ExpressionError(`unexpected character '${c}'`, i + 1);
    }
  }
  tokens.push({ kind: 'end', text: '', column: input.length + 1 });
  return tokens;
}

module.exports = { tokenize };
