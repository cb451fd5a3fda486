// Applies migrations/ in a schema of its own in DATABASE_URL (dropped afterwards), adds a few articles
// and searches them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { Pool } from 'pg';
import { migrate } from '../src/migrate';
import { search } from '../src/search';

const url = process.env.DATABASE_URL || 'postgres://localhost:5432/postgres';
const schema = `exercise_search_${crypto.randomBytes(6).toString('hex')}`;
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
  await db.query(`INSERT INTO articles (title, body) VALUES
    ('Running PostgreSQL in production', 'Backups, monitoring and connection pooling for a busy database.'),
    ('A beginner guide to Redis', 'Caching with Redis: keys, expiry and the connection pool of the client.'),
    ('Why your query is slow', 'Indexes help PostgreSQL find rows without reading every page.'),
    ('Connection pools explained', 'A connection pool keeps database connections open and lends them to requests.'),
    ('Shoes for the road', 'She runs every morning and finished a marathon last year.')`);
});

after(async () => {
  if (!db) return; // the setup failed before the pool existed
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
  await db.end();
});

const ids = async (q: string): Promise<number[]> => (await search(db, q)).map((a) => a.id);

test('stemming finds running and runs; a title match ranks first', async () => {
  assert.deepEqual(await search(db, 'running'), [
    { id: 1, title: 'Running PostgreSQL in production' },
    { id: 5, title: 'Shoes for the road' },
  ]);
});

test('ranked best first, with web search syntax', async () => {
  assert.deepEqual(await ids('connection pool'), [4, 1, 2]);
  assert.deepEqual(await ids('postgresql -running'), [3]);
  assert.deepEqual(await ids('kubernetes'), []);
});

test('quotes in the search text are data', async () => {
  assert.deepEqual(await ids("it's"), []);
  assert.deepEqual(await ids("x') OR true --"), []);
});

test('a new article is found at once, and articles has a GIN index', async () => {
  await db.query(`INSERT INTO articles (title, body) VALUES ('Vacuum in depth', 'How autovacuum reclaims dead rows.')`);
  assert.deepEqual(await ids('vacuuming'), [6]);
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'articles' AND schemaname = $1 AND indexdef ILIKE '%USING gin%'`, [schema]);
  assert.ok((rows[0]?.n ?? 0) >= 1, 'no GIN index on articles');
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
