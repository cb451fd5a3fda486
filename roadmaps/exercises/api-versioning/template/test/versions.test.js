// Quick checks of src/versions.js, called directly. The full behaviour is checked from outside by
// the exercise's spec (see README.md).
const test = require('node:test');
const assert = require('node:assert/strict');
const { resolveVersion } = require('../src/versions');

const ada = { id: 1, givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.com' };

test('v1 and v2 present the same user in their own shapes', () => {
  assert.deepEqual(resolveVersion('v1').present(ada), { id: 1, name: 'Ada Lovelace', email: 'ada@example.com' });
  assert.deepEqual(resolveVersion('v2')?.present(ada), ada);
});

test('v2 parses its own shape and refuses the v1 one', () => {
  const v2 = resolveVersion('v2');
  assert.ok(v2, 'resolveVersion("v2") should return the v2 version');
  assert.deepEqual(v2.parse({ givenName: 'Alan', familyName: 'Turing', email: 'a@example.com' }), {
    fields: { givenName: 'Alan', familyName: 'Turing', email: 'a@example.com' },
  });
  assert.equal(typeof v2.parse({ name: 'Alan Turing', email: 'a@example.com' }).error, 'string');
});

test('v1 answers carry Deprecation, Sunset and a successor Link; v2 answers do not', () => {
  const headers = resolveVersion('v1').headers('/v1/users/1');
  assert.equal(headers.deprecation, '@1767225600');
  assert.equal(headers.sunset, 'Thu, 31 Dec 2026 23:59:59 GMT');
  assert.equal(headers.link, '</v2/users/1>; rel="successor-version"');
  assert.deepEqual(resolveVersion('v2')?.headers('/v2/users/1'), {});
});

test('only v1 and v2 exist', () => {
  for (const segment of ['v3', 'v0', 'latest', 'V2', 'users']) assert.equal(resolveVersion(segment), undefined, segment);
});
