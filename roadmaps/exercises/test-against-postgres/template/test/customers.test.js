const { test, before, after, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const { openTestDatabase } = require('./db');
const { createCustomers } = require('../src/customers');

// Your tests go here. src/customers.js is correct: every test you write must pass against it. The check
// then runs your tests against broken copies of it (and of migrations/), and passes when each broken
// copy makes at least one of your tests fail.
//
// The set-up is done for you: one real PostgreSQL connection for this file, on a fresh schema with
// the migrations applied; every test runs inside a transaction that is rolled back when it ends, so
// no test sees another's rows, whatever order they run in.

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

// One example to start from (it passes, and it catches none of the seeded bugs yet):

test('a customer that was added can be found by email', async () => {
  const added = await customers.add({ email: 'ada@example.com', name: 'Ada Lovelace', signedUpAt: new Date('2030-01-02T03:04:05Z') });
  assert.equal(added.ok, true);

  const found = await customers.findByEmail('ada@example.com');

  assert.equal(found.name, 'Ada Lovelace');
});

// TODO: the same email twice (and in another case).
// TODO: findByEmail in another case, and for an email nobody has.
// TODO: search: part of a name, in another case.
// TODO: list: which order (add the customers in a different order from the one you expect back)?
// TODO: list: page 2, and hasMore, especially when the last page is exactly full.
// TODO: signedUpAt given with an offset (+02:00): which moment comes back?
