import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { connectRedis, deleteKeys } from './redis';
import type { Redis } from './redis';
import { createProductCache } from '../src/productCache';
import { createProductDb } from '../src/productDb';

// A random prefix per run: runs never see each other's keys, and cleanup deletes only ours.
const runPrefix = `exercise:redis-cache:${crypto.randomBytes(6).toString('hex')}:`;
let redis: Redis;
let n = 0;

before(async () => {
  redis = await connectRedis();
});

after(async () => {
  if (!redis) return; // connecting failed: before() has reported why
  await deleteKeys(redis, runPrefix);
  await redis.close();
});

// A fresh database (call counts at 0) and key prefix for each test.
function setup() {
  const keyPrefix = `${runPrefix}${++n}:product:`;
  const db = createProductDb(undefined, { delayMs: 20 });
  const cache = createProductCache({ redis, db, keyPrefix, ttlSeconds: 60, missTtlSeconds: 5 });
  return { db, cache, key: (id: number) => `${keyPrefix}${id}` };
}

test('a miss reads the database once, then hits come from Redis', async () => {
  const { db, cache } = setup();
  const first = await cache.getProduct(1);
  assert.deepEqual(first, { id: 1, name: 'Kettle', priceCents: 2999 }, 'getProduct(1) should return the product from the database.');
  const second = await cache.getProduct(1);
  const third = await cache.getProduct(1);
  assert.deepEqual(second, first, 'A cache hit should return the same product as the database did.');
  assert.deepEqual(third, first);
  assert.equal(
    db.calls.findProduct,
    1,
    `Three getProduct(1) calls reached the database ${db.calls.findProduct} times; it should be once. ` +
      'After a miss, store the product in Redis, and read it from there next time.',
  );
});

test('a miss stores the product as JSON with a TTL of at most 60 seconds', async () => {
  const { cache, key } = setup();
  await cache.getProduct(2);
  const raw = await redis.get(key(2));
  assert.ok(raw !== null, `After a miss, Redis key "${key(2)}" should hold the product; it does not exist.`);
  assert.deepEqual(JSON.parse(raw), { id: 2, name: 'Teapot', priceCents: 1999 }, 'The cached value should be the product as JSON.');
  const ttl = await redis.ttl(key(2));
  assert.ok(
    ttl >= 1 && ttl <= 60,
    `TTL of "${key(2)}" is ${ttl} (-1 means it never expires). Set it with an expiry: SET key value EX 60.`,
  );
});

test('a hit does not touch the database', async () => {
  const { db, cache, key } = setup();
  // Seeded by hand, so it can only come from Redis.
  await redis.set(key(3), JSON.stringify({ id: 3, name: 'Mug (from cache)', priceCents: 899 }), { expiration: { type: 'EX', value: 60 } });
  const product = await cache.getProduct(3);
  assert.equal(product?.name, 'Mug (from cache)', 'getProduct should return the cached value when the key exists.');
  assert.equal(db.calls.findProduct, 0, 'On a hit the database must not be called.');
});

test('updateProduct writes the database and invalidates the cached key', async () => {
  const { db, cache, key } = setup();
  await cache.getProduct(1);
  const updated = await cache.updateProduct(1, { priceCents: 2499 });
  assert.equal(updated?.priceCents, 2499, 'updateProduct should return the saved product.');
  assert.equal(db.calls.saveProduct, 1, 'updateProduct should save to the database.');
  assert.equal(
    await redis.exists(key(1)),
    0,
    `After updateProduct(1), key "${key(1)}" still exists, so readers would get the old price. DEL it after saving.`,
  );
  const fresh = await cache.getProduct(1);
  assert.equal(fresh?.priceCents, 2499, 'The next getProduct after an update should return the new price.');
  assert.equal(db.calls.findProduct, 2, 'The read after the update should be one miss that refills the cache.');
});

test('a corrupt cached value is treated as a miss and replaced', async () => {
  const { db, cache, key } = setup();
  await redis.set(key(2), '{"id": 2, "name": "Tea', { expiration: { type: 'EX', value: 60 } });
  let product: Awaited<ReturnType<typeof cache.getProduct>>;
  try {
    product = await cache.getProduct(2);
  } catch (err) {
    assert.fail(`getProduct threw on a cached value that is not valid JSON (${err instanceof Error ? err.message : String(err)}). Treat it as a miss instead.`);
  }
  assert.deepEqual(product, { id: 2, name: 'Teapot', priceCents: 1999 }, 'A corrupt cached value should be ignored and the product read from the database.');
  assert.equal(db.calls.findProduct, 1, 'A corrupt value is a miss: the database should be read once.');
  const raw = await redis.get(key(2));
  let cached: unknown;
  try {
    cached = JSON.parse(raw ?? '');
  } catch {
    cached = raw;
  }
  assert.deepEqual(cached, product, 'After the miss, the corrupt value should be overwritten with the product as JSON.');
});

test('a missing product is remembered as null, for missTtlSeconds only', async () => {
  const { db, cache, key } = setup();
  assert.equal(await cache.getProduct(999), null, 'getProduct(999) should return null: there is no such product.');
  assert.equal(await cache.getProduct(999), null);
  assert.equal(db.calls.findProduct, 1, 'The second getProduct(999) should be answered by the remembered miss, not the database.');
  const ttl = await redis.ttl(key(999));
  assert.ok(
    ttl >= 1 && ttl <= 5,
    `TTL of "${key(999)}" is ${ttl} (-1 means it never expires, -2 that there is no key). Store the miss with SET key null EX missTtlSeconds.`,
  );
});
