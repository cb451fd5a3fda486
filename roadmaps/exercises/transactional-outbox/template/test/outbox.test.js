const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { openTestPool } = require('./db');
const { createBroker } = require('../src/broker');
const { createOrder } = require('../src/orders');
const { relayOnce } = require('../src/relay');

let db;

before(async () => {
  db = await openTestPool();
});

after(async () => {
  await db?.close();
});

beforeEach(async () => {
  await db.pool.query('TRUNCATE orders, order_lines, outbox RESTART IDENTITY CASCADE');
});

const kettleAndMugs = { customer: 'ada', lines: [{ sku: 'kettle', quantity: 1 }, { sku: 'mug', quantity: 4 }] };

test('createOrder writes the order, its lines and one outbox row', async () => {
  const order = await createOrder({ pool: db.pool }, kettleAndMugs);
  assert.equal(typeof order.id, 'number', 'createOrder should return the new order with its id.');
  assert.equal(await db.count('orders'), 1, 'One order row expected.');
  assert.equal(await db.count('order_lines'), 2, 'One order_lines row per line expected.');
  const { rows } = await db.pool.query('SELECT type, payload, sent_at FROM outbox');
  assert.equal(rows.length, 1, 'createOrder must insert exactly one outbox row, in the same transaction as the order.');
  assert.equal(rows[0].type, 'order.created');
  assert.deepEqual(rows[0].payload, { orderId: order.id, customer: 'ada', lines: kettleAndMugs.lines }, 'The payload is { orderId, customer, lines }.');
  assert.equal(rows[0].sent_at, null, 'A new outbox row is unsent (sent_at NULL): only the relay marks it sent.');
});

test('a line the CHECK refuses leaves no order, no line and no outbox row', async () => {
  const bad = { customer: 'ada', lines: [{ sku: 'kettle', quantity: 2 }, { sku: 'mug', quantity: 0 }] };
  await assert.rejects(createOrder({ pool: db.pool }, bad), (err) => err.code === '23514', 'The quantity 0 must fail with the CHECK violation (23514).');
  const left = { orders: await db.count('orders'), order_lines: await db.count('order_lines'), outbox: await db.count('outbox') };
  assert.deepEqual(left, { orders: 0, order_lines: 0, outbox: 0 }, 'Everything of a failed order must be rolled back: run all the INSERTs in one transaction on one client.');
});

test('relayOnce publishes unsent rows oldest first, with their ids, and marks them sent', async () => {
  const broker = createBroker();
  const first = await createOrder({ pool: db.pool }, kettleAndMugs);
  const second = await createOrder({ pool: db.pool }, { customer: 'grace', lines: [{ sku: 'teapot', quantity: 1 }] });
  await relayOnce({ pool: db.pool, broker });
  const published = broker.published();
  assert.deepEqual(
    published.map((m) => m.payload.orderId),
    [first.id, second.id],
    'Both events should be published, in the order they were written (ORDER BY id).',
  );
  const { rows } = await db.pool.query('SELECT id FROM outbox ORDER BY id');
  assert.deepEqual(published.map((m) => m.id), rows.map((r) => Number(r.id)), 'Each message carries its outbox row id, as a number.');
  assert.equal(published[0].type, 'order.created');
  const { rows: unsent } = await db.pool.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
  assert.equal(unsent[0].n, 0, 'Published rows must be marked sent (sent_at = now()).');
  await relayOnce({ pool: db.pool, broker });
  assert.equal(broker.published().length, 2, 'A second round must not publish the sent rows again.');
});

test('while the broker is down, rows stay unsent; once it is back they are published', async () => {
  const broker = createBroker();
  await createOrder({ pool: db.pool }, kettleAndMugs);
  broker.setDown(true);
  await relayOnce({ pool: db.pool, broker }).catch(() => {});
  const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
  assert.equal(rows[0].n, 1, 'The broker refused the event, so its row must stay unsent: mark it sent only after publish succeeded.');
  broker.setDown(false);
  await relayOnce({ pool: db.pool, broker });
  assert.equal(broker.published().length, 1, 'After the outage the next round must publish the waiting event.');
});
