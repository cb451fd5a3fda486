// Stage 3: a tree to a number, by walking it.
import { ExpressionError } from './errors';
import type { Node } from './parse';

/** Walks the tree. / or % by zero is an ExpressionError at the operator: "division by zero at 2". */
export function evaluate(node: Node): number {
  // TODO: a number is its value; negate is minus its operand; a binary node evaluates its left side,
  //       then its right side, then applies its operator (^ is Math.pow, or **).
  // TODO: / and % by zero: throw new ExpressionError('division by zero', node.column).
  throw new Error('not written yet');
}
