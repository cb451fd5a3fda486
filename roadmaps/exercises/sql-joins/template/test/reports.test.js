// Runs the three reports against PostgreSQL (DATABASE_URL), in a schema of their own that is dropped
// afterwards, with the same shop as the check's spec: customers with and without orders, a cancelled
// order and a guest order.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { Pool } = require('pg');
const { customerSummary, ordersWithCustomers, customersWithoutOrders } = require('../src/reports');

const url = process.env.DATABASE_URL || 'postgres://localhost:5432/postgres';
const schema = `exercise_joins_${crypto.randomBytes(6).toString('hex')}`;
let db;

before(async () => {
  db = new Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 3000, options: `-c search_path=${schema}` });
  try {
    await db.query(`CREATE SCHEMA ${schema}`);
  } catch (err) {
    throw new Error(`PostgreSQL is not reachable at DATABASE_URL (${redact(url)}): start one or set DATABASE_URL. (${err.message})`);
  }
  await db.query(`
    CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
    CREATE TABLE orders (
      id integer PRIMARY KEY,
      customer_id integer REFERENCES customers (id),
      total_cents integer NOT NULL,
      status text NOT NULL CHECK (status IN ('paid', 'cancelled'))
    );
    INSERT INTO customers (id, name) VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Linus'), (4, 'Margaret'), (5, 'Barbara');
    INSERT INTO orders (id, customer_id, total_cents, status) VALUES
      (1, 1, 1999, 'paid'), (2, 1, 500, 'paid'), (3, 2, 4200, 'paid'), (4, 4, 3000, 'cancelled'),
      (5, NULL, 700, 'paid'), (6, 2, 100, 'cancelled'), (7, 5, 4200, 'paid');`);
});

after(async () => {
  if (!db) return;
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
  await db.end();
});

test('the summary keeps every customer, counts only paid orders and puts 0 where there are none', async () => {
  assert.deepEqual(await customerSummary(db), [
    { id: 2, name: 'Grace', orderCount: 1, totalCents: 4200 },
    { id: 5, name: 'Barbara', orderCount: 1, totalCents: 4200 },
    { id: 1, name: 'Ada', orderCount: 2, totalCents: 2499 },
    { id: 3, name: 'Linus', orderCount: 0, totalCents: 0 },
    { id: 4, name: 'Margaret', orderCount: 0, totalCents: 0 },
  ]);
});

test('orders come with their customer name, and the guest order is left out', async () => {
  assert.deepEqual(await ordersWithCustomers(db), [
    { id: 1, customerName: 'Ada', totalCents: 1999, status: 'paid' },
    { id: 2, customerName: 'Ada', totalCents: 500, status: 'paid' },
    { id: 3, customerName: 'Grace', totalCents: 4200, status: 'paid' },
    { id: 4, customerName: 'Margaret', totalCents: 3000, status: 'cancelled' },
    { id: 6, customerName: 'Grace', totalCents: 100, status: 'cancelled' },
    { id: 7, customerName: 'Barbara', totalCents: 4200, status: 'paid' },
  ]);
});

test('only the customer who never ordered is without orders, despite the guest order', async () => {
  assert.deepEqual(await customersWithoutOrders(db), [{ id: 3, name: 'Linus' }]);
});

function redact(value) {
  try {
    const u = new URL(value);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return value;
  }
}
