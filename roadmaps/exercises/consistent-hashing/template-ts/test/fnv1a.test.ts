import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fnv1a32 } from '../src/fnv1a';

const hex = (n: unknown) =>
  typeof n === 'number' ? `0x${(n >>> 0).toString(16).padStart(8, '0')}${n < 0 ? ` (you returned the negative ${n})` : ''}` : String(n);

function assertHash(text: string, expected: number, why: string) {
  const actual = fnv1a32(text);
  assert.equal(actual, expected, `fnv1a32(${JSON.stringify(text)}) should be ${hex(expected)}, got ${hex(actual)}. ${why}`);
}

test('the published test vectors', () => {
  assertHash('', 0x811c9dc5, 'With nothing to hash, the result is the offset basis, 0x811c9dc5.');
  assertHash(
    'a',
    0xe40c292c,
    'One byte: xor it in (0x811c9dc5 ^ 0x61), then multiply by 0x01000193 modulo 2^32 (Math.imul), and read it as unsigned (>>> 0).',
  );
  assertHash('foobar', 0xbf9cf968, 'Xor first, then multiply, for every byte (FNV-1a; FNV-1 does it the other way round).');
});

test('a long text stays exact (the multiplication must wrap at 32 bits, not round)', () => {
  assertHash(
    'The quick brown fox jumps over the lazy dog',
    0x048fff90,
    'hash * 16777619 can reach 2^56, past what a double holds exactly (2^53): multiply with Math.imul.',
  );
});

test('hashes the UTF-8 bytes of the text, not its UTF-16 code units', () => {
  assertHash(
    'café',
    0xa82b5049,
    "'é' is two bytes in UTF-8, 0xc3 0xa9: new TextEncoder().encode(text) gives them (charCodeAt gives one code unit, 0xe9).",
  );
  assertHash('🙂', 0x57a37a4b, 'An emoji is four bytes in UTF-8 (and two UTF-16 code units).');
});

test('always an unsigned 32-bit integer', () => {
  for (let i = 0; i < 500; i++) {
    const h = fnv1a32(`key-${i}`);
    assert.ok(
      Number.isInteger(h) && h >= 0 && h < 2 ** 32,
      `fnv1a32('key-${i}') = ${h}: it should be a whole number from 0 to 2^32 - 1 (>>> 0 at the end)`,
    );
  }
});
