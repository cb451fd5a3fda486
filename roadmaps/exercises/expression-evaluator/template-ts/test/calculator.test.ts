import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { calculate, tokenize, parse, ExpressionError } from '../src/calculator';
import type { Node } from '../src/parse';

/** The node's field, for a test that has already checked the node's type. */
function field(node: Node, name: 'left' | 'right' | 'operand'): Node {
  return (node as unknown as Record<string, Node>)[name];
}

/** Asserts that calculate(input) throws an ExpressionError saying `${what} at ${column}`, with that column. */
function rejects(input: string, what: string, column: number): void {
  const message = `${what} at ${column}`;
  assert.throws(
    () => calculate(input),
    (err: unknown) => {
      assert.ok(err instanceof ExpressionError, `expected an ExpressionError, got ${String(err)}`);
      assert.equal(err.message, message);
      assert.equal(err.column, column);
      return true;
    },
    `calculate(${JSON.stringify(input)}) should throw "${message}"`,
  );
}

describe('tokenize', () => {
  test('numbers, operators and parens, each with its column; whitespace skipped; an end token last', () => {
    assert.deepEqual(tokenize(' 12.5*(3 -4)'), [
      { kind: 'number', text: '12.5', value: 12.5, column: 1 },
      { kind: 'operator', text: '*', column: 5 },
      { kind: 'paren', text: '(', column: 6 },
      { kind: 'number', text: '3', value: 3, column: 7 },
      { kind: 'operator', text: '-', column: 9 },
      { kind: 'number', text: '4', value: 4, column: 10 },
      { kind: 'paren', text: ')', column: 11 },
      { kind: 'end', text: '', column: 12 },
    ]);
  });

  test('every operator is a token: + - * / % ^', () => {
    assert.deepEqual(
      tokenize('+-*/%^').map((t) => [t.kind, t.text]),
      [...'+-*/%^'].map((c) => ['operator', c]).concat([['end', '']]),
    );
  });

  test('a character the calculator does not know is an error at its column', () => {
    assert.throws(() => tokenize('1 + x'), { name: 'ExpressionError', message: "unexpected character 'x' at 4", column: 4 });
  });
});

describe('parse', () => {
  test('builds a tree: * binds tighter than +, and each node keeps its column', () => {
    assert.deepEqual(parse(tokenize('1 + 2 * 3')), {
      type: 'binary',
      op: '+',
      column: 2,
      left: { type: 'number', value: 1, column: 0 },
      right: {
        type: 'binary',
        op: '*',
        column: 6,
        left: { type: 'number', value: 2, column: 4 },
        right: { type: 'number', value: 3, column: 8 },
      },
    });
  });

  test('^ groups to the right: 2^3^2 is 2^(3^2)', () => {
    const tree = parse(tokenize('2^3^2'));
    assert.equal(tree.type === 'binary' && tree.op, '^');
    assert.deepEqual(field(tree, 'left'), { type: 'number', value: 2, column: 0 });
    const right = field(tree, 'right');
    assert.equal(right.type === 'binary' && right.op, '^');
  });

  test('unary minus is a negate node, looser than ^: -2^2 is -(2^2)', () => {
    const tree = parse(tokenize('-2^2'));
    assert.equal(tree.type, 'negate');
    assert.equal(tree.column, 0);
    const operand = field(tree, 'operand');
    assert.equal(operand.type === 'binary' && operand.op, '^');
  });

  test('parentheses leave no node of their own', () => {
    assert.deepEqual(parse(tokenize('(7)')), { type: 'number', value: 7, column: 1 });
  });
});

describe('calculate: numbers and precedence', () => {
  test('a number on its own, with or without decimals and whitespace', () => {
    assert.equal(calculate('42'), 42);
    assert.equal(calculate('  3.25 '), 3.25);
  });

  test('* / % before + -', () => {
    assert.equal(calculate('1 + 2 * 3'), 7);
    assert.equal(calculate('10 - 6 / 3'), 8);
    assert.equal(calculate('2 + 7 % 4'), 5);
  });

  test('^ before * and /', () => {
    assert.equal(calculate('2 * 3 ^ 2'), 18);
    assert.equal(calculate('2 ^ 3 / 4'), 2);
  });

  test('parentheses first', () => {
    assert.equal(calculate('(1 + 2) * 3'), 9);
    assert.equal(calculate('((2))'), 2);
    assert.equal(calculate('2 * (3 + (4 - 1)) ^ 2'), 72);
  });
});

describe('calculate: associativity', () => {
  test('+ - * / % group to the left', () => {
    assert.equal(calculate('10 - 4 - 3'), 3);
    assert.equal(calculate('64 / 4 / 2'), 8);
    assert.equal(calculate('2 * 9 % 4'), 2);
    assert.equal(calculate('20 % 6 * 2'), 4);
  });

  test('^ groups to the right: 2^3^2 is 2^9', () => {
    assert.equal(calculate('2 ^ 3 ^ 2'), 512);
    assert.equal(calculate('(2 ^ 3) ^ 2'), 64);
  });
});

describe('calculate: unary minus', () => {
  test('a minus in front of a number or a parenthesis', () => {
    assert.equal(calculate('-3'), -3);
    assert.equal(calculate('-(2 + 3)'), -5);
    assert.equal(calculate('4 - -3'), 7);
  });

  test('-2^2 is -4: ^ binds tighter than unary minus', () => {
    assert.equal(calculate('-2^2'), -4);
    assert.equal(calculate('(-2)^2'), 4);
    assert.equal(calculate('-3^2 + 10'), 1);
  });

  test('a minus after an operator: 2*-3, 2^-1', () => {
    assert.equal(calculate('2 * -3'), -6);
    assert.equal(calculate('2 ^ -1'), 0.5);
    assert.equal(calculate('2 ^ -2 ^ 2'), 1 / 16);
  });

  test('minus signs can repeat: --2 is 2', () => {
    assert.equal(calculate('--2'), 2);
    assert.equal(calculate('1 - --1'), 0);
  });

  test('a unary plus is not allowed', () => {
    rejects('+2', "unexpected '+'", 0);
  });
});

describe('calculate: errors, with the 0-based column', () => {
  test('empty input', () => {
    rejects('', 'empty expression', 0);
    rejects('   ', 'empty expression', 0);
  });

  test('a character the calculator does not know', () => {
    rejects('2 # 3', "unexpected character '#'", 2);
    rejects('1.5.2', "unexpected character '.'", 3);
    rejects('.5', "unexpected character '.'", 0);
  });

  test('a closing parenthesis with nothing open, or nothing inside', () => {
    rejects('1 + 2)', "unexpected ')'", 5);
    rejects('(1))', "unexpected ')'", 3);
    rejects('()', "unexpected ')'", 1);
  });

  test("a missing closing parenthesis is reported where the input ends", () => {
    rejects('(1 + 2', "missing ')'", 6);
    rejects('((3) * 2  ', "missing ')'", 10);
  });

  test('an operator without its right side', () => {
    rejects('1 +', 'unexpected end of input', 3);
    rejects('2 * / 3', "unexpected '/'", 4);
    rejects('(* 2)', "unexpected '*'", 1);
  });

  test('two numbers in a row: trailing input is not ignored', () => {
    rejects('1 2', "unexpected '2'", 2);
    rejects('(1) 23', "unexpected '23'", 4);
    rejects('3 (4)', "unexpected '('", 2);
  });

  test('division by zero, at the operator', () => {
    rejects('1 / 0', 'division by zero', 2);
    rejects('5 % (2 - 2)', 'division by zero', 2);
    rejects('1 + 4 / (3 - 3)', 'division by zero', 6);
  });

  test('a division that is not by zero still works', () => {
    assert.equal(calculate('0 / 5'), 0);
    assert.equal(calculate('7 / 2'), 3.5);
    assert.equal(calculate('-7 % 3'), -1);
  });
});
