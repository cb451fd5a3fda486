import { test } from 'node:test';
import assert from 'node:assert/strict';
import bcrypt from 'bcryptjs';
import { hashPassword, verifyPassword, getCost, needsRehash, MIN_COST, DEFAULT_COST } from '../src/password';

// The lowest allowed cost keeps the whole run to a few seconds; real apps use DEFAULT_COST.
const COST = MIN_COST;

// What TypeScript would refuse to compile, but a value typed `any` (like req.body.password) can still be.
const notAString = undefined as unknown as string;

test('the cost floor is at least 10 and the default is not below it', () => {
  assert.ok(MIN_COST >= 10, `MIN_COST is ${MIN_COST}; bcrypt costs below 10 are too cheap to guess against`);
  assert.ok(DEFAULT_COST >= MIN_COST, `DEFAULT_COST (${DEFAULT_COST}) must not be below MIN_COST (${MIN_COST})`);
});

test('hashPassword returns a bcrypt hash, not the password', async () => {
  const hash = await hashPassword('correct horse battery', COST);
  assert.equal(typeof hash, 'string', 'hashPassword should resolve to a string');
  assert.ok(!hash.includes('correct horse battery'), 'the hash must not contain the password');
  assert.match(hash, /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/, 'expected a bcrypt hash like "$2b$10$..."');
});

test('hashing the same password twice gives different hashes (a random salt each time)', async () => {
  const [a, b] = await Promise.all([hashPassword('same password', COST), hashPassword('same password', COST)]);
  assert.notEqual(a, b, 'two hashes of one password are equal: is a fresh salt used each time?');
  assert.notEqual(bcrypt.getSalt(a), bcrypt.getSalt(b));
});

test('hashPassword uses DEFAULT_COST when no cost is given', async () => {
  const hash = await hashPassword('default cost please');
  assert.equal(bcrypt.getRounds(hash), DEFAULT_COST);
});

test('hashPassword refuses a cost below MIN_COST', async () => {
  await assert.rejects(
    hashPassword('correct horse battery', MIN_COST - 1),
    RangeError,
    `a cost of ${MIN_COST - 1} should be rejected with a RangeError`,
  );
});

test('hashPassword refuses an empty or non-string password', async () => {
  await assert.rejects(hashPassword('', COST), TypeError, 'an empty password should be rejected with a TypeError');
  await assert.rejects(hashPassword(notAString, COST), TypeError, 'undefined should be rejected with a TypeError');
});

test('hashPassword refuses passwords longer than 72 bytes instead of silently cutting them', async () => {
  // 40 "é" are 40 characters but 80 bytes in UTF-8.
  await assert.rejects(
    hashPassword('é'.repeat(40), COST),
    RangeError,
    'bcrypt ignores everything after 72 bytes: reject such passwords with a RangeError',
  );
});

test('verifyPassword is true for the right password and false otherwise', async () => {
  const hash = await hashPassword('correct horse battery', COST);
  assert.equal(await verifyPassword('correct horse battery', hash), true, 'the right password should verify');
  assert.equal(await verifyPassword('correct horse batterY', hash), false, 'a wrong password should not verify');
  assert.equal(await verifyPassword('correct horse battery', 'not-a-hash'), false, 'a malformed hash gives false');
  assert.equal(await verifyPassword(notAString, hash), false, 'a missing password gives false, not an exception');
});

test('getCost reads the cost stored in the hash', async () => {
  const hash = await hashPassword('correct horse battery', COST);
  assert.equal(getCost(hash), COST);
  assert.equal(getCost('$2b$14$' + 'a'.repeat(53)), 14);
  assert.ok(Number.isNaN(getCost('plaintext')), 'getCost of something that is not a bcrypt hash should be NaN');
});

test('needsRehash is true only when the stored cost is below the wanted one', async () => {
  const hash = await hashPassword('correct horse battery', COST);
  assert.equal(needsRehash(hash, COST + 1), true, `a cost-${COST} hash needs a rehash when ${COST + 1} is wanted`);
  assert.equal(needsRehash(hash, COST), false, 'same cost: no rehash');
  assert.equal(needsRehash(hash, COST - 1), false, 'a stronger hash than wanted is kept');
  assert.equal(needsRehash('plaintext', COST), true, 'something that is not a bcrypt hash must be replaced');
});
