import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from './db';
import type { Database, Violation } from './db';

const UP = '001_users_orders.up.sql';
const DOWN = '001_users_orders.down.sql';

let db: Database;
let upError: Error | undefined; // set when the up migration fails, so later tests point back to it

before(async () => {
  db = await openDatabase();
  console.log(`engine: ${db.engine}`);
});

after(async () => {
  await db?.close();
});

function requireUp(): void {
  if (upError) assert.fail(`The up migration did not run, fix that first: ${upError.message}`);
}

async function column(table: string, name: string) {
  const cols = await db.columns(table);
  assert.ok(cols.length > 0, `Table "${table}" does not exist. Create it in migrations/${UP}.`);
  const col = cols.find((c) => c.name === name);
  assert.ok(col, `Table "${table}" has no column "${name}" (it has: ${cols.map((c) => c.name).join(', ')}).`);
  return col;
}

async function primaryKey(table: string): Promise<string[]> {
  return (await db.indexes(table)).find((i) => i.primary)?.columns ?? [];
}

// Runs an INSERT that must break one constraint; `kind` is what db.violation() reports.
async function rejects(sql: string, kind: Violation, message: string): Promise<void> {
  const got = await db.violation(sql);
  if (got !== kind) assert.fail(got === 'none' ? message : `${message} (It broke a ${got} constraint instead.)`);
}

const isIntegerType = (type: string): boolean => (db.kind === 'postgres' ? ['integer', 'bigint'].includes(type) : type.includes('int'));

test('the up migration runs', async () => {
  try {
    await db.applyFile(UP);
  } catch (err) {
    upError = err instanceof Error ? err : new Error(String(err));
    throw err;
  }
});

test('users: id primary key, email required and unique, created_at required with a default', async () => {
  requireUp();
  await column('users', 'id');
  assert.deepEqual(await primaryKey('users'), ['id'], 'users.id must be the PRIMARY KEY of users.');

  const email = await column('users', 'email');
  assert.ok(email.notNull, 'users.email must be NOT NULL: a user without an email cannot log in.');
  const uniqueEmail = (await db.indexes('users')).some((i) => i.unique && i.columns.length === 1 && i.columns[0] === 'email');
  assert.ok(uniqueEmail, 'users.email must be UNIQUE: two accounts must not share one email.');

  const createdAt = await column('users', 'created_at');
  assert.ok(createdAt.notNull, 'users.created_at must be NOT NULL.');
  assert.ok(createdAt.default != null, 'users.created_at needs a DEFAULT (CURRENT_TIMESTAMP), so inserts can leave it out.');
  if (db.kind === 'postgres') {
    assert.match(createdAt.type, /^timestamp/, `users.created_at should be a TIMESTAMP type, not ${createdAt.type}.`);
  }
});

test('orders: id primary key, user_id and total_cents required integers, created_at with a default', async () => {
  requireUp();
  await column('orders', 'id');
  assert.deepEqual(await primaryKey('orders'), ['id'], 'orders.id must be the PRIMARY KEY of orders.');

  const userId = await column('orders', 'user_id');
  assert.ok(userId.notNull, 'orders.user_id must be NOT NULL: every order belongs to a user.');

  const total = await column('orders', 'total_cents');
  assert.ok(isIntegerType(total.type), `orders.total_cents must be an INTEGER (whole cents), not ${total.type}.`);
  assert.ok(total.notNull, 'orders.total_cents must be NOT NULL.');

  const createdAt = await column('orders', 'created_at');
  assert.ok(createdAt.notNull && createdAt.default != null, 'orders.created_at must be NOT NULL with a DEFAULT, like users.created_at.');
});

test('orders.user_id is a foreign key to users(id) with ON DELETE CASCADE', async () => {
  requireUp();
  await column('orders', 'user_id');
  const fk = (await db.foreignKeys('orders')).find((f) => f.column === 'user_id');
  assert.ok(fk, 'orders.user_id has no foreign key: add REFERENCES users (id).');
  assert.equal(fk.refTable, 'users', 'orders.user_id must reference the users table.');
  assert.equal(fk.refColumn, 'id', 'orders.user_id must reference users.id.');
  assert.equal(fk.onDelete, 'CASCADE', 'Deleting a user must delete their orders: add ON DELETE CASCADE to the foreign key.');
});

test('orders has an index that starts with user_id', async () => {
  requireUp();
  await column('orders', 'user_id');
  const indexes = await db.indexes('orders');
  const found = indexes.some((i) => !i.primary && i.columns[0] === 'user_id');
  assert.ok(
    found,
    `No index on orders (user_id). A foreign key does not create one by itself: add CREATE INDEX ... ON orders (user_id). ` +
      `Indexes found: ${indexes.map((i) => `${i.name} (${i.columns.join(', ')})`).join('; ') || 'none'}.`,
  );
});

test('the constraints hold with real rows', async () => {
  requireUp();
  await column('orders', 'user_id');
  await db.exec(`INSERT INTO users (id, email) VALUES (1, 'ada@example.com'), (2, 'grace@example.com')`);
  await db.exec(`INSERT INTO orders (id, user_id, total_cents) VALUES (1, 1, 1999), (2, 1, 500), (3, 2, 0)`);

  const [user] = await db.all('SELECT created_at FROM users WHERE id = 2');
  assert.ok(user?.created_at != null, 'users.created_at was not filled in by its DEFAULT.');

  await rejects(`INSERT INTO users (id, email) VALUES (3, 'ada@example.com')`, 'unique',
    'A second user with the same email was accepted: make users.email UNIQUE.');
  await rejects(`INSERT INTO users (id, email) VALUES (4, NULL)`, 'not null',
    'A user without an email was accepted: make users.email NOT NULL.');
  await rejects(`INSERT INTO orders (id, user_id, total_cents) VALUES (4, 999, 100)`, 'foreign key',
    'An order for a user that does not exist was accepted: orders.user_id must REFERENCES users (id).');
  await rejects(`INSERT INTO orders (id, user_id, total_cents) VALUES (5, 1, -1)`, 'check',
    'An order with a negative total was accepted: add CHECK (total_cents >= 0).');
  await rejects(`INSERT INTO orders (id, user_id, total_cents) VALUES (6, 1, NULL)`, 'not null',
    'An order without a total was accepted: make orders.total_cents NOT NULL.');

  try {
    await db.exec('DELETE FROM users WHERE id = 1');
  } catch (err) {
    assert.fail(`Deleting a user who has orders failed (${err instanceof Error ? err.message : String(err)}): add ON DELETE CASCADE to orders.user_id.`);
  }
  const left = (await db.all('SELECT id FROM orders ORDER BY id')).map((r) => Number(r.id));
  assert.deepEqual(left, [3], 'Deleting user 1 should delete orders 1 and 2 (ON DELETE CASCADE) and keep order 3.');
});

test('the down migration drops both tables', async () => {
  requireUp();
  await db.applyFile(DOWN);
  const left = (await db.tables()).filter((t) => t === 'users' || t === 'orders');
  assert.deepEqual(left, [], `After ${DOWN} these tables still exist: ${left.join(', ')}. Drop them (orders first).`);
});

test('up and down can run again: the pair is reversible', async () => {
  requireUp();
  try {
    await db.applyFile(UP);
  } catch (err) {
    assert.fail(`Running up again after down failed, so down left something behind: ${err instanceof Error ? err.message : String(err)}`);
  }
  await db.applyFile(DOWN);
  assert.deepEqual((await db.tables()).filter((t) => t === 'users' || t === 'orders'), [], 'The second down did not drop the tables.');
});
