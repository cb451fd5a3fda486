// The three stages, one after the other. Given: you write the stages, not this.
import { tokenize } from './tokenize';
import { parse } from './parse';
import { evaluate } from './evaluate';
import { ExpressionError } from './errors';

/** Computes an arithmetic expression: calculate('1 + 2 * 3') is 7. Throws an ExpressionError. */
export function calculate(input: string): number {
  return evaluate(parse(tokenize(input)));
}

export { tokenize, parse, evaluate, ExpressionError };
