const { test, describe, before, after, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const { openTestDatabase } = require('./db');
const { createCustomers } = require('../src/customers');

// WEAK: no test adds an email that is already taken.

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

describe('add and findByEmail', () => {
  test('a new customer is stored and returned with an id', async () => {
    const result = await customers.add(ada);
    assert.equal(result.ok, true);
    assert.equal(typeof result.customer.id, 'number');
    assert.deepEqual({ ...result.customer, id: 0 }, { id: 0, email: 'ada@example.com', name: 'Ada Lovelace', signedUpAt: ada.signedUpAt });
    assert.deepEqual(await customers.findByEmail('ada@example.com'), result.customer);
  });

  test('findByEmail ignores case', async () => {
    await addAll(ada);
    assert.equal((await customers.findByEmail('Ada@EXAMPLE.com'))?.name, 'Ada Lovelace');
  });

  test('findByEmail finds nobody for an unknown email', async () => {
    await addAll(ada);
    assert.equal(await customers.findByEmail('grace@example.com'), undefined);
  });

  test('a sign-up time given with an offset comes back as the same moment', async () => {
    // 05:04:05 at +02:00 is 03:04:05 UTC.
    const { customer } = await customers.add({ ...ada, signedUpAt: '2030-01-02T05:04:05+02:00' });
    assert.equal(customer.signedUpAt.toISOString(), '2030-01-02T03:04:05.000Z');
    assert.equal((await customers.findByEmail(ada.email)).signedUpAt.toISOString(), '2030-01-02T03:04:05.000Z');
  });
});

describe('search', () => {
  test('finds part of a name, ignoring case, sorted by name', async () => {
    await addAll(
      { email: 'g@example.com', name: 'Grace Hopper', signedUpAt: new Date('2030-01-01T00:00:00Z') },
      { email: 'a@example.com', name: 'Ada Lovelace', signedUpAt: new Date('2030-01-02T00:00:00Z') },
      { email: 'b@example.com', name: 'Barbara Liskov', signedUpAt: new Date('2030-01-03T00:00:00Z') },
    );
    const names = async (term) => (await customers.search(term)).map((c) => c.name);
    assert.deepEqual(await names('LOVE'), ['Ada Lovelace']);
    assert.deepEqual(await names('a'), ['Ada Lovelace', 'Barbara Liskov', 'Grace Hopper']);
    assert.deepEqual(await names('turing'), []);
    // % and _ are plain characters: no name has either.
    assert.deepEqual(await names('%'), []);
    assert.deepEqual(await names('_'), []);
  });
});

describe('list', () => {
  // Added in an order that is NOT the sign-up order, so that only an ORDER BY gives the right answer.
  const byDay = (day, name) => ({ email: `${name.toLowerCase()}@example.com`, name, signedUpAt: new Date(`2030-01-0${day}T00:00:00Z`) });
  const added = [byDay(3, 'Carol'), byDay(1, 'Alice'), byDay(5, 'Eve'), byDay(2, 'Bob'), byDay(4, 'Dan')];
  const names = (page) => page.customers.map((c) => c.name);

  test('the earliest sign-up comes first', async () => {
    await addAll(...added);
    const page = await customers.list();
    assert.deepEqual(names(page), ['Alice', 'Bob', 'Carol', 'Dan', 'Eve']);
    assert.equal(page.hasMore, false);
  });

  test('pages follow each other without a gap or an overlap', async () => {
    await addAll(...added);
    assert.deepEqual(await customers.list({ page: 1, pageSize: 2 }).then((p) => [names(p), p.hasMore]), [['Alice', 'Bob'], true]);
    assert.deepEqual(await customers.list({ page: 2, pageSize: 2 }).then((p) => [names(p), p.hasMore]), [['Carol', 'Dan'], true]);
    assert.deepEqual(await customers.list({ page: 3, pageSize: 2 }).then((p) => [names(p), p.hasMore]), [['Eve'], false]);
    assert.deepEqual(await customers.list({ page: 4, pageSize: 2 }).then((p) => [names(p), p.hasMore]), [[], false]);
  });

  test('an exactly full last page has no more after it', async () => {
    await addAll(...added.filter((c) => c.name !== 'Eve'));
    const last = await customers.list({ page: 2, pageSize: 2 });
    assert.deepEqual(names(last), ['Carol', 'Dan']);
    assert.equal(last.hasMore, false);
  });

  test('a bad page or page size is a RangeError', async () => {
    await assert.rejects(customers.list({ page: 0 }), RangeError);
    await assert.rejects(customers.list({ pageSize: 101 }), RangeError);
  });
});
