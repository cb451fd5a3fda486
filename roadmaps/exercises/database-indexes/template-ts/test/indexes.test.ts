// Applies migrations/ in a schema of its own in DATABASE_URL (dropped afterwards), fills it with the
// check's 200,000 orders and reads the plans of the API's two queries with EXPLAIN.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { Pool } from 'pg';
import { migrate } from '../src/migrate';
import { NEWEST_ORDERS, CUSTOMER_BY_EMAIL } from '../src/app';

const url = process.env.DATABASE_URL || 'postgres://localhost:5432/postgres';
const schema = `exercise_indexes_${crypto.randomBytes(6).toString('hex')}`;
let db: Pool;

before(async () => {
  db = new Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 3000, options: `-c search_path=${schema}` });
  try {
    await db.query(`CREATE SCHEMA ${schema}`);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`PostgreSQL is not reachable at DATABASE_URL (${redact(url)}): start one or set DATABASE_URL. (${reason})`);
  }
  await migrate(db);
  await db.query(`
    INSERT INTO customers (email) SELECT 'User' || g || '@Example.com' FROM generate_series(1, 20000) g;
    INSERT INTO orders (customer_id, total_cents, created_at)
      SELECT 1 + g % 2000, 100 + g % 9000, timestamptz '2026-01-01 00:00:00+00' + g * interval '1 minute'
        FROM generate_series(1, 200000) g;
    ANALYZE customers;
    ANALYZE orders;`);
});

after(async () => {
  if (!db) return; // the setup failed before the pool existed
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
  await db.end();
});

// EXPLAIN (ANALYZE, BUFFERS) of a query with its parameters written in, as the plan's text and the
// number of 8 kB pages it touched.
async function explain(sql: string, params: unknown[]): Promise<{ text: string; blocks: number }> {
  const client = await db.connect();
  try {
    const text = sql.replace(/\$(\d+)/g, (_, n: string) => client.escapeLiteral(String(params[Number(n) - 1])));
    const { rows } = await client.query<{ 'QUERY PLAN': { Plan: Record<string, number> }[] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`);
    const plan = rows[0]?.['QUERY PLAN'][0]?.Plan;
    assert.ok(plan, 'EXPLAIN returned no plan');
    return { text: JSON.stringify(plan), blocks: (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0) };
  } finally {
    client.release();
  }
}

test("a customer's ten newest orders come from an index on (customer_id, created_at), without a sort", async () => {
  const { rows } = await db.query<{ id: number }>(NEWEST_ORDERS, [42]);
  assert.deepEqual(
    rows.map((r) => r.id),
    [198041, 196041, 194041, 192041, 190041, 188041, 186041, 184041, 182041, 180041],
  );
  const plan = await explain(NEWEST_ORDERS, [42]);
  assert.doesNotMatch(plan.text, /"Seq Scan"/, 'the plan reads the whole orders table (Seq Scan)');
  assert.doesNotMatch(plan.text, /"Node Type":"Sort"/, 'the plan sorts the orders: the index does not give them in created_at order');
  assert.match(plan.text, /"Index Cond":"\(customer_id = /, 'no index is searched for customer_id');
  assert.ok(plan.blocks <= 40, `the query read ${plan.blocks} pages; the right index needs about 13`);
});

test('a customer is found by lower(email) through an expression index', async () => {
  const { rows } = await db.query(CUSTOMER_BY_EMAIL, ['USER42@example.COM']);
  assert.deepEqual(rows, [{ id: 42, email: 'User42@Example.com' }]);
  const plan = await explain(CUSTOMER_BY_EMAIL, ['USER42@example.COM']);
  assert.doesNotMatch(plan.text, /"Seq Scan"/, 'the plan reads the whole customers table (Seq Scan)');
  assert.match(plan.text, /"Index Cond":"\(lower\(email\) = /, 'no index is searched for lower(email)');
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
