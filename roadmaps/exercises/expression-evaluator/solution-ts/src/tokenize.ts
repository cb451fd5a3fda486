// Stage 1: text to tokens. "12.5*(3 - x" becomes number 12.5, operator *, paren (, number 3,
// operator -, and then an error: 'x' is not a character the calculator knows.
import { ExpressionError } from './errors';

export type Operator = '+' | '-' | '*' | '/' | '%' | '^';

export type Token =
  | { kind: 'number'; text: string; value: number; column: number }
  | { kind: 'operator'; text: Operator; column: number }
  | { kind: 'paren'; text: '(' | ')'; column: number }
  | { kind: 'end'; text: ''; column: number };

const OPERATORS: readonly string[] = ['+', '-', '*', '/', '%', '^'];
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Splits the whole input into tokens, skipping whitespace. The last token is always
 * { kind: 'end', text: '', column: input.length }. Anything else is an ExpressionError:
 * "unexpected character 'x' at 11".
 */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
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
      tokens.push({ kind: 'number', text, value: Number(text), column: start });
    } else if (OPERATORS.includes(c)) {
      tokens.push({ kind: 'operator', text: c as Operator, column: i });
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: 'paren', text: c, column: i });
      i++;
    } else {
      throw new ExpressionError(`unexpected character '${c}'`, i);
    }
  }
  tokens.push({ kind: 'end', text: '', column: input.length });
  return tokens;
}
