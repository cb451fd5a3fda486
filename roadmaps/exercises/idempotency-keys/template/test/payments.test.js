const { test } = require('node:test');
const assert = require('node:assert/strict');
const supertest = require('supertest');
const { createApp } = require('../src/app');
const { createProvider } = require('../src/provider');
const { createIdempotencyStore, fingerprint } = require('../src/idempotency');

const said = (res) => `got ${res.status} ${JSON.stringify(res.body)}`;
const visa = { amount: 1250, currency: 'EUR', card: 'tok_visa' };

// One app per test, with its own provider and a fake clock the test moves by hand.
// pay(body, { key: null }) sends no Idempotency-Key; { client: null } no X-Client-Id.
function setup({ ttlMs = 60_000, delayMs = 0 } = {}) {
  const clock = { t: 1_000_000 };
  const provider = createProvider({ delayMs });
  const app = createApp({ ttlMs, now: () => clock.t, provider });
  const pay = (body, { key = 'key-1', client = 'alice' } = {}) => {
    const req = supertest(app).post('/payments').timeout(2000);
    if (client !== null) req.set('X-Client-Id', client);
    if (key !== null) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const list = (client = 'alice') => supertest(app).get('/payments').set('X-Client-Id', client).timeout(2000);
  return { clock, provider, pay, list };
}

test('a retry with the same key and body gets the same answer, and the card is charged once', async () => {
  const { provider, pay, list } = setup();
  const first = await pay(visa);
  assert.equal(first.status, 201, said(first));
  assert.equal(first.headers['idempotent-replayed'], undefined, 'the first answer is not a replay');
  const again = await pay(visa);
  assert.equal(again.status, 201, said(again));
  assert.deepEqual(again.body, first.body, 'the retry should get the stored body, the same payment id included');
  assert.equal(again.headers['idempotent-replayed'], 'true', 'a replayed answer says Idempotent-Replayed: true');
  assert.equal(provider.charges, 1, 'the retry charged the card again: look the key up before charging');
  assert.equal((await list()).body.data.length, 1);
});

test('the same body with its keys in another order is the same request', async () => {
  const { provider, pay } = setup();
  await pay({ amount: 500, currency: 'USD', card: 'tok_visa' });
  const res = await pay({ card: 'tok_visa', currency: 'USD', amount: 500 });
  assert.equal(res.status, 201, `${said(res)}; compare fingerprints with sorted keys`);
  assert.equal(provider.charges, 1);
  assert.deepEqual(fingerprint({ b: { d: 1, c: [2, { f: 3, e: 4 }] }, a: 0 }), fingerprint({ a: 0, b: { c: [2, { e: 4, f: 3 }], d: 1 } }));
  assert.notEqual(fingerprint({ a: [1, 2] }), fingerprint({ a: [2, 1] }), 'arrays keep their order');
});

test('the same key with a different body gets 422 and charges nothing', async () => {
  const { provider, pay } = setup();
  await pay(visa);
  const res = await pay({ ...visa, amount: 9999 });
  assert.equal(res.status, 422, said(res));
  assert.equal(typeof res.body.error, 'string');
  assert.equal(provider.charges, 1);
});

test('keys belong to one client: the same key from another client is a new payment', async () => {
  const { provider, pay, list } = setup();
  const alice = await pay(visa, { client: 'alice' });
  const bob = await pay({ ...visa, amount: 700 }, { client: 'bob' });
  assert.equal(bob.status, 201, `bob's first request with key-1 is new; ${said(bob)}`);
  assert.notEqual(bob.body.id, alice.body.id);
  assert.equal(provider.charges, 2);
  assert.equal((await list('bob')).body.data.length, 1);
});

test('a declined card is a final answer: the retry gets the same 402 without trying the card again', async () => {
  const { provider, pay } = setup();
  const body = { ...visa, card: 'tok_declined' };
  const first = await pay(body);
  assert.equal(first.status, 402, said(first));
  const again = await pay(body);
  assert.equal(again.status, 402, said(again));
  assert.deepEqual(again.body, first.body);
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.equal(provider.charges, 1, 'store failures that the provider decided, not only successes');
});

test('when the provider is down nothing is stored, so the retry does the work', async () => {
  const { provider, pay } = setup();
  provider.down = true;
  const first = await pay(visa);
  assert.equal(first.status, 503, said(first));
  provider.down = false;
  const again = await pay(visa);
  assert.equal(again.status, 201, `nothing was charged the first time, so the retry must charge; ${said(again)}`);
  assert.equal(again.headers['idempotent-replayed'], undefined);
  assert.equal(provider.charges, 1);
});

test('missing headers and bad bodies get 400 and leave the key free', async () => {
  const { provider, pay } = setup();
  assert.equal((await pay(visa, { key: null })).status, 400, 'no Idempotency-Key');
  assert.equal((await pay(visa, { client: null })).status, 400, 'no X-Client-Id');
  assert.equal((await pay(visa, { key: 'k'.repeat(256) })).status, 400, 'a key longer than 255 characters');
  assert.equal((await pay({ ...visa, amount: -5 })).status, 400, 'a negative amount');
  assert.equal(provider.charges, 0);
  const res = await pay(visa);
  assert.equal(res.status, 201, `a bad request is not remembered, so key-1 is still free; ${said(res)}`);
});

test('a second request while the first is still being charged gets 409', async () => {
  const { provider, pay } = setup({ delayMs: 200 });
  const [a, b] = await Promise.all([pay(visa), pay(visa)]);
  assert.deepEqual([a.status, b.status].sort(), [201, 409], `got ${a.status} and ${b.status}; claim the key before charging`);
  assert.equal(provider.charges, 1);
});

test('a stored answer expires ttlMs after it was stored; then the key is new again', async () => {
  const { clock, provider, pay } = setup({ ttlMs: 1000 });
  const first = await pay(visa);
  clock.t += 999;
  assert.equal((await pay(visa)).body.id, first.body.id, 'still within ttlMs');
  clock.t += 1;
  const later = await pay(visa);
  assert.equal(later.status, 201, said(later));
  assert.notEqual(later.body.id, first.body.id, 'after ttlMs the key is free again: a new payment');
  assert.equal(provider.charges, 2);
});

test('the store on its own: begin, complete, release', () => {
  let t = 0;
  const store = createIdempotencyStore({ ttlMs: 10, now: () => t });
  assert.deepEqual(store.begin('c', 'k', 'A'), { state: 'new' });
  assert.deepEqual(store.begin('c', 'k', 'A'), { state: 'in-progress' });
  assert.deepEqual(store.begin('c', 'k', 'B'), { state: 'mismatch' });
  store.complete('c', 'k', { status: 201, body: { id: 1 } });
  assert.deepEqual(store.begin('c', 'k', 'A'), { state: 'done', response: { status: 201, body: { id: 1 } } });
  assert.deepEqual(store.begin('d', 'k', 'A'), { state: 'new' }, 'another client has its own keys');
  store.release('d', 'k');
  assert.deepEqual(store.begin('d', 'k', 'B'), { state: 'new' }, 'a released key is free');
  t = 10;
  assert.deepEqual(store.begin('c', 'k', 'B'), { state: 'new' }, 'an expired key is free');
});
