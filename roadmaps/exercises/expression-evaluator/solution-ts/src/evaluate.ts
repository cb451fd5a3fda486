// Stage 3: a tree to a number, by walking it.
import { ExpressionError } from './errors';
import type { Node } from './parse';

/** Walks the tree. / or % by zero is an ExpressionError at the operator: "division by zero at 2". */
export function evaluate(node: Node): number {
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
        case '%':
          if (right === 0) throw new ExpressionError('division by zero', node.column);
          return node.op === '/' ? left / right : left % right;
        case '^':
          return left ** right;
      }
    }
  }
}
