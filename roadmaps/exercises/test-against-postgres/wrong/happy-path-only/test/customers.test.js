const { test, describe, before, after, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const { openTestDatabase } = require('./db');
const { createCustomers } = require('../src/customers');

// WEAK: one ordinary call of each method, with data that suits the code.

// Integration tests: the repository runs its real SQL against a real PostgreSQL. One connection and a
// fresh schema for this file; every test in a transaction rolled back at its end, so each starts
// from an empty table. (Ids come from a sequence, which a rollback does not rewind: no test expects
// a particular id.)

let database;
let customers;

before(async () => {
  database = await openTestDatabase();
  customers = createCustomers(database.client);
});
after(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.client.query('BEGIN');
});
afterEach(async () => {
  await database.client.query('ROLLBACK');
});

/** Adds customers and fails the test at once if one is refused. */
async function addAll(...list) {
  for (const c of list) {
    const result = await customers.add(c);
    assert.equal(result.ok, true, `adding ${c.email} was refused`);
  }
}

const ada = { email: 'ada@example.com', name: 'Ada Lovelace', signedUpAt: new Date('2030-01-02T03:04:05Z') };

test('a customer that was added can be found by email', async () => {
  const added = await customers.add(ada);
  assert.equal(added.ok, true);
  assert.equal((await customers.findByEmail('ada@example.com')).name, 'Ada Lovelace');
});

test('search finds a name', async () => {
  await addAll(ada);
  assert.deepEqual(
    (await customers.search('Love')).map((c) => c.name),
    ['Ada Lovelace'],
  );
});

test('list shows the customers', async () => {
  await addAll(ada, { email: 'grace@example.com', name: 'Grace Hopper', signedUpAt: new Date('2030-02-01T00:00:00Z') });
  const page = await customers.list();
  assert.deepEqual(
    page.customers.map((c) => c.name),
    ['Ada Lovelace', 'Grace Hopper'],
  );
});
