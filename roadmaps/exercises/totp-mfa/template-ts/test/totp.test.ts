import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hotp, timeStep, totp } from '../src/totp';

// The secret of both RFCs' test vectors: the 20 ASCII bytes "12345678901234567890".
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');

test('hotp gives the HOTP values of RFC 4226, Appendix D, for counters 0 to 9', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  assert.deepEqual(
    expected.map((_, counter) => hotp(RFC_KEY, counter)),
    expected,
  );
});

test('timeStep is floor(seconds / 30)', () => {
  assert.equal(timeStep(0), 0);
  assert.equal(timeStep(29), 0);
  assert.equal(timeStep(29.9), 0);
  assert.equal(timeStep(30), 1);
  assert.equal(timeStep(59), 1, '59 / 30 is 1.97: round down, not to nearest');
  assert.equal(timeStep(20000000000), 666666666);
});

test('totp gives the SHA-1 codes of RFC 6238, Appendix B, with 8 digits', () => {
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [seconds, code] of vectors) assert.equal(totp(RFC_KEY, seconds, 8), code, `the code at ${seconds}`);
});

test('6-digit codes are strings of six digits, leading zeros kept', () => {
  assert.equal(totp(RFC_KEY, 1111111109), '081804');
  assert.equal(totp(RFC_KEY, 1234567890), '005924');
  assert.equal(hotp(RFC_KEY, 44), '000152');
  assert.equal(typeof hotp(RFC_KEY, 1), 'string');
});
