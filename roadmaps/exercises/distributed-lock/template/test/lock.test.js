const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { connectRedis, deleteKeys } = require('./redis');
const { createLock } = require('../src/lock');

// A random prefix per run: runs never see each other's keys, and cleanup deletes only ours.
const runPrefix = `exercise:distributed-lock:${crypto.randomBytes(6).toString('hex')}:`;
let redis;
let n = 0;

before(async () => {
  redis = await connectRedis();
});

after(async () => {
  if (!redis) return;
  await deleteKeys(redis, runPrefix);
  await redis.close();
});

function setup(ttlMs = 5000) {
  const keyPrefix = `${runPrefix}${++n}:lock:`;
  return { lock: createLock({ redis, keyPrefix, ttlMs }), key: (name) => `${keyPrefix}${name}` };
}

test('acquire stores a random token with a time to live, and answers it', async () => {
  const { lock, key } = setup(5000);
  const token = await lock.acquire('report');
  assert.match(String(token), /^[0-9a-f]{32}$/, 'acquire should answer a token of 32 hex characters (crypto.randomBytes(16)).');
  assert.equal(await redis.get(key('report')), token, `The key ${key('report')} should hold the token.`);
  const pttl = await redis.pTTL(key('report'));
  assert.ok(pttl > 0 && pttl <= 5000, `PTTL of the lock is ${pttl} (-1 means it never expires): SET … NX PX ttlMs.`);
});

test('a held lock cannot be acquired; after release it can, with a new token', async () => {
  const { lock } = setup();
  const first = await lock.acquire('report');
  assert.ok(first, 'The first acquire should succeed.');
  assert.equal(await lock.acquire('report'), null, 'A second acquire while the lock is held should answer null (SET … NX).');
  assert.equal(await lock.release('report', first), true, 'The holder can release its lock.');
  const second = await lock.acquire('report');
  assert.ok(second && second !== first, 'After a release the lock can be acquired again, with a new token.');
});

test('release with another token leaves the lock alone', async () => {
  const { lock, key } = setup();
  const token = await lock.acquire('report');
  assert.equal(await lock.release('report', 'not-the-token'), false, 'release with a wrong token should answer false.');
  assert.equal(await redis.get(key('report')), token, "A wrong token must not delete the holder's lock.");
  await redis.set(key('other'), 'someone-else', { expiration: { type: 'PX', value: 5000 } });
  assert.equal(await lock.release('other', token), false);
  assert.equal(await redis.get(key('other')), 'someone-else', "release must never delete another holder's lock.");
});
