// Quick checks of src/compression.ts, called directly. The full behaviour is checked from outside by
// the exercise's spec (see README.md).
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseAcceptEncoding, isCompressible, chooseEncoding } from '../src/compression';

test('parseAcceptEncoding reads codings and q values', () => {
  assert.deepEqual(
    [...parseAcceptEncoding('gzip;q=0.8, BR, *;q=0.1')],
    [
      ['gzip', 0.8],
      ['br', 1],
      ['*', 0.1],
    ],
  );
});

test('isCompressible: text-like types of at least 1024 bytes', () => {
  assert.equal(isCompressible('application/json', 1024), true);
  assert.equal(isCompressible('application/json', 1023), false);
  assert.equal(isCompressible('text/html; charset=utf-8', 5000), true);
  assert.equal(isCompressible('image/gif', 5000), false);
});

test('chooseEncoding follows q values, * and identity', () => {
  assert.equal(chooseEncoding('gzip', true), 'gzip');
  assert.equal(chooseEncoding('gzip', false), 'identity');
  assert.equal(chooseEncoding('gzip;q=0', true), 'identity');
  assert.equal(chooseEncoding('gzip;q=0.5, identity', true), 'identity');
  assert.equal(chooseEncoding('*', true), 'gzip');
  assert.equal(chooseEncoding('identity;q=0', true), null);
  assert.equal(chooseEncoding('gzip, identity;q=0', false), 'gzip');
  assert.equal(chooseEncoding(undefined, true), 'identity');
});
