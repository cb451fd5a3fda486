// Quick tests for migrations/001_normalize_orders.up.sql on PostgreSQL (DATABASE_URL). Each run works
// in a fresh schema, fills orders_flat with the README's six rows, applies the up file in a
// transaction, reads the result and drops the schema again. The Check also runs spec.json's scenarios.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { readFile } = require('node:fs/promises');
const path = require('node:path');
const crypto = require('node:crypto');
const { Client } = require('pg');

const UP = path.join(__dirname, '..', 'migrations', '001_normalize_orders.up.sql');
const URL = process.env.DATABASE_URL || 'postgres://localhost:5432/postgres';

const SAMPLE = `
CREATE TABLE orders_flat (order_no INTEGER NOT NULL, ordered_at TIMESTAMPTZ NOT NULL, customer_name TEXT NOT NULL,
  customer_email TEXT NOT NULL, sku TEXT NOT NULL, product_name TEXT NOT NULL, unit_price_cents INTEGER NOT NULL,
  quantity INTEGER NOT NULL, tags TEXT);
INSERT INTO orders_flat VALUES
  (1001, '2026-01-05 10:00+00', 'Ada Lovelace', 'ada@example.com', 'LAMP-1', 'Desk lamp', 1999, 1, 'gift,express'),
  (1001, '2026-01-05 10:00+00', 'Ada Lovelace', 'ada@example.com', 'BULB-4', 'LED bulb', 350, 4, 'gift,express'),
  (1002, '2026-02-10 09:30+00', 'Grace Hopper', 'grace@example.com', 'LAMP-1', 'Desk lamp', 2499, 2, 'express'),
  (1003, '2026-03-01 16:45+00', 'Ada Lovelace', 'Ada@Example.com', 'CHAIR-2', 'Office chair', 15900, 1, NULL),
  (1003, '2026-03-01 16:45+00', 'Ada Lovelace', 'Ada@Example.com', 'BULB-4', 'LED bulb', 300, 2, NULL),
  (1004, '2026-03-15 12:00+00', 'Linus Torvalds', 'linus@example.com', 'BULB-4', 'LED bulb', 300, 10, 'bulk, gift');
`;

let client;
let schema;
let upError; // set when the up file fails, so later tests point back to it

before(async () => {
  client = new Client({ connectionString: URL, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    client = undefined;
    throw new Error(`PostgreSQL is not reachable at DATABASE_URL (${URL.replace(/:[^:@/]*@/, ':***@')}): ${err.message || err.code}. Start one (see README.md) or set DATABASE_URL.`);
  }
  // A fresh schema per run: parallel or aborted runs never see each other's tables.
  schema = `exercise_${crypto.randomBytes(6).toString('hex')}`;
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`SET search_path TO ${schema}`);
  await client.query(SAMPLE);
  const sql = await readFile(UP, 'utf8');
  await client.query('BEGIN');
  try {
    await client.query(sql);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    upError = err;
  }
});

after(async () => {
  if (!client) return;
  await client.query('ROLLBACK').catch(() => {});
  if (schema) await client.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
  await client.end();
});

async function rows(sql, hint) {
  if (upError) assert.fail(`The up migration failed, fix that first: ${upError.message}`);
  try {
    return (await client.query(sql)).rows;
  } catch (err) {
    assert.fail(`${err.message}. ${hint}`);
  }
}

test('the up migration runs on the sample orders_flat', () => {
  if (upError) assert.fail(`001_normalize_orders.up.sql failed: ${upError.message}`);
});

test('Ada, with two spellings of her email, is one customer', async () => {
  const got = await rows('SELECT email, name FROM customers ORDER BY email', 'Create the customers table (TODO 1) and fill it (TODO 6).');
  assert.deepEqual(
    got,
    [
      { email: 'ada@example.com', name: 'Ada Lovelace' },
      { email: 'grace@example.com', name: 'Grace Hopper' },
      { email: 'linus@example.com', name: 'Linus Torvalds' },
    ],
    'One customer per email, compared without case, stored in lower case.',
  );
});

test('every order keeps the total it had, at the prices paid then', async () => {
  const got = await rows(
    'SELECT order_id, sum(quantity * unit_price_cents)::int AS total_cents FROM order_items GROUP BY order_id ORDER BY order_id',
    'Create order_items (TODO 4) with unit_price_cents copied from orders_flat (TODO 6).',
  );
  assert.deepEqual(
    got,
    [
      { order_id: 1001, total_cents: 3399 },
      { order_id: 1002, total_cents: 4998 },
      { order_id: 1003, total_cents: 16500 },
      { order_id: 1004, total_cents: 3000 },
    ],
    'The totals of orders_flat, order by order (sum of quantity × unit_price_cents).',
  );
});

test('tags are rows, trimmed, one per name', async () => {
  const got = await rows('SELECT name FROM tags ORDER BY name', 'Create tags and order_tags (TODO 5) and split the comma-separated column (TODO 6).');
  assert.deepEqual(
    got.map((r) => r.name),
    ['bulk', 'express', 'gift'],
    "Split orders_flat.tags on ',' and trim each piece: 'bulk, gift' is 'bulk' and 'gift'.",
  );
});
