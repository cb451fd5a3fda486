// Runs transfer() against PostgreSQL (DATABASE_URL), in a schema of its own that is dropped
// afterwards: single transfers, refusals that must change nothing, and many transfers at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { Pool } from 'pg';
import { transfer } from '../src/transfers';
import { AccountNotFoundError, InsufficientFundsError } from '../src/errors';

const url = process.env.DATABASE_URL || 'postgres://localhost:5432/postgres';
const schema = `exercise_transfer_${crypto.randomBytes(6).toString('hex')}`;
let db: Pool;

before(async () => {
  db = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 3000, options: `-c search_path=${schema}` });
  try {
    await db.query(`CREATE SCHEMA ${schema}`);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`PostgreSQL is not reachable at DATABASE_URL (${redact(url)}): start one or set DATABASE_URL. (${reason})`);
  }
  await db.query(`
    CREATE TABLE accounts (id integer PRIMARY KEY, owner text NOT NULL, balance_cents bigint NOT NULL);
    CREATE TABLE transfers (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      from_id integer NOT NULL REFERENCES accounts (id),
      to_id integer NOT NULL REFERENCES accounts (id),
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      created_at timestamptz NOT NULL DEFAULT now()
    );`);
});

after(async () => {
  if (!db) return; // the setup failed before the pool existed
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
  await db.end();
});

// Fresh accounts for each test: { id: balance }.
async function accounts(balances: Record<number, number>): Promise<void> {
  await db.query('TRUNCATE transfers, accounts');
  for (const [id, balance] of Object.entries(balances)) {
    await db.query('INSERT INTO accounts (id, owner, balance_cents) VALUES ($1, $2, $3)', [Number(id), `owner ${id}`, balance]);
  }
}

async function balances(): Promise<Record<string, number>> {
  const { rows } = await db.query<{ id: number; balance_cents: string }>('SELECT id, balance_cents FROM accounts ORDER BY id');
  return Object.fromEntries(rows.map((r) => [r.id, Number(r.balance_cents)]));
}

const transferCount = async (): Promise<number> => Number((await db.query<{ count: string }>('SELECT count(*) FROM transfers')).rows[0]?.count);

test('a transfer moves the money and records itself', async () => {
  await accounts({ 1: 10000, 2: 5000 });
  const result = await transfer(db, { fromId: 1, toId: 2, amountCents: 2500 });
  assert.deepEqual({ ...result, id: typeof result.id }, { id: 'number', fromId: 1, toId: 2, amountCents: 2500 });
  assert.deepEqual(await balances(), { 1: 7500, 2: 7500 });
  assert.equal(await transferCount(), 1);
});

test('the whole balance may be sent, one cent more is refused and changes nothing', async () => {
  await accounts({ 1: 1000, 2: 0 });
  await assert.rejects(transfer(db, { fromId: 1, toId: 2, amountCents: 1001 }), InsufficientFundsError);
  assert.deepEqual(await balances(), { 1: 1000, 2: 0 });
  await transfer(db, { fromId: 1, toId: 2, amountCents: 1000 });
  assert.deepEqual(await balances(), { 1: 0, 2: 1000 });
  assert.equal(await transferCount(), 1);
});

test('a transfer to or from an unknown account changes nothing', async () => {
  await accounts({ 1: 1000, 2: 0 });
  await assert.rejects(transfer(db, { fromId: 1, toId: 999, amountCents: 100 }), AccountNotFoundError);
  await assert.rejects(transfer(db, { fromId: 999, toId: 1, amountCents: 100 }), AccountNotFoundError);
  assert.deepEqual(await balances(), { 1: 1000, 2: 0 });
  assert.equal(await transferCount(), 0);
});

test('forty transfers at once, in both directions, all succeed and lose nothing', async () => {
  await accounts({ 1: 10000, 2: 10000 });
  const one = (fromId: number, toId: number) => transfer(db, { fromId, toId, amountCents: 100 });
  await Promise.all(Array.from({ length: 15 }, () => [one(1, 2), one(1, 2), one(2, 1)]).flat());
  assert.deepEqual(await balances(), { 1: 8500, 2: 11500 });
  assert.equal(await transferCount(), 45);
});

test('twenty transfers at once never overdraw the sender', async () => {
  await accounts({ 1: 1000, 2: 0 });
  const results = await Promise.allSettled(Array.from({ length: 20 }, () => transfer(db, { fromId: 1, toId: 2, amountCents: 100 })));
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  assert.ok(
    refused.every((r) => r.reason instanceof InsufficientFundsError),
    `only InsufficientFundsError may be thrown: ${refused.map((r) => String(r.reason)).join('; ')}`,
  );
  assert.deepEqual(await balances(), { 1: 0, 2: 1000 });
  assert.equal(await transferCount(), 10);
});

function redact(value: string): string {
  try {
    const u = new URL(value);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return value;
  }
}
