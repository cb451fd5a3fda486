import * as assert from 'node:assert/strict';
import { firstJsonError, jsonErrorPosition, jsonValueOffset, lineCol } from '../../src/domain/shared/jsonPosition';
import { mulberry32 } from '../fuzz/fuzz';

/** The recursive scanner this module used to have, verbatim: the reference for shallow input. */
function recursiveFirstError(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new Stop(i);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const str = () => {
    i++;
    while (i < text.length) {
      const c = text[i] ?? '';
      if (c === '"') return void i++;
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c < ' ') fail();
      i++;
    }
    fail();
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return str();
    number.lastIndex = i;
    const m = number.exec(text);
    if (m && m[0]) return void (i += m[0].length);
    for (const literal of ['true', 'false', 'null']) if (text.startsWith(literal, i)) return void (i += literal.length);
    fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return e.offset;
    throw e;
  }
}

class Stop {
  constructor(readonly offset: number) {}
}

describe('JSON error positions', () => {
  it('scans 10,000 and 1,000,000 nested brackets without overflowing the stack', function () {
    this.timeout(10_000);
    for (const n of [10_000, 1_000_000]) {
      assert.equal(firstJsonError('['.repeat(n) + ']'.repeat(n)), undefined, `${n} closed`);
      assert.equal(firstJsonError('['.repeat(n)), n, `${n} unclosed: breaks at the end`);
      assert.equal(firstJsonError('{"a":'.repeat(n) + '1' + '}'.repeat(n)), undefined, `${n} objects closed`);
      assert.equal(firstJsonError(`${'['.repeat(n)}1,]${']'.repeat(n - 1)}`), n + 2, `${n} with a trailing comma`);
      assert.deepEqual(jsonErrorPosition('['.repeat(n), ''), { line: 1, col: n + 1 });
    }
  });

  it('agrees with the recursive scanner it replaced on random JSON-like text', () => {
    const rng = mulberry32(7);
    const atoms = [
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"a"',
      '"b\\"c"',
      '"\\',
      '"x\ny"',
      '1',
      '-0.5e3',
      '-',
      '01',
      'true',
      'nul',
      'null',
      ' ',
      '\n',
      '\t',
      'x',
    ];
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const len = Math.floor(rng() * 30);
      for (let k = 0; k < len; k++) text += atoms[Math.floor(rng() * atoms.length)];
      assert.equal(firstJsonError(text), recursiveFirstError(text), JSON.stringify(text));
    }
  });

  it('agrees with JSON.parse on which text is valid, for text without odd escapes', () => {
    for (const text of ['{}', '[]', '{"a": [1, {"b": null}], "c": "d"}', ' 1 ', '"s"', '{"a":1,}', '[1 2]', '', '{"a" 1}', 'tru', '[-]']) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      assert.equal(firstJsonError(text) === undefined, valid, text);
    }
  });

  it('turns offsets into 1-based lines and columns, clamped to the text', () => {
    assert.deepEqual(lineCol('ab\ncd', 0), { line: 1, col: 1 });
    assert.deepEqual(lineCol('ab\ncd', 3), { line: 2, col: 1 });
    assert.deepEqual(lineCol('ab\ncd', 5), { line: 2, col: 3 });
    assert.deepEqual(lineCol('ab\ncd', 99), { line: 2, col: 3 });
    // A backslash at the very end is reported at the end, not past it.
    assert.deepEqual(jsonErrorPosition('"\\', ''), { line: 1, col: 3 });
  });

  it('finds the value at a path, or its deepest existing ancestor, in valid JSON', () => {
    const text = '{\n  "a": {"b": [10, {"c": true}]},\n  "d": 1,\n  "d": 2\n}';
    const at = (path: (string | number)[]) => lineCol(text, jsonValueOffset(text, path));
    assert.deepEqual(at([]), { line: 1, col: 1 });
    assert.deepEqual(at(['a']), { line: 2, col: 8 });
    assert.deepEqual(at(['a', 'b', 1, 'c']), { line: 2, col: 25 });
    assert.deepEqual(at(['a', 'b', '1']), { line: 2, col: 19 }, 'indexes may come as strings');
    assert.deepEqual(at(['a', 'missing', 'x']), { line: 2, col: 8 });
    assert.deepEqual(at(['d']), { line: 4, col: 8 }, 'the last of repeated keys, as JSON.parse keeps');
    const repeated = '{"a": {"b": 1}, "a": {"c": 2}}';
    assert.equal(jsonValueOffset(repeated, ['a', 'b']), repeated.lastIndexOf('{'), 'not inside the "a" JSON.parse dropped');
    assert.deepEqual(at(['\u00e9']), { line: 1, col: 1 });
    assert.equal(jsonValueOffset('{"\\u00e9": 1}', ['\u00e9']), 11, 'keys are compared decoded');
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    assert.equal(jsonValueOffset(deep, [0, 0, 0]), 3);
  });
});
