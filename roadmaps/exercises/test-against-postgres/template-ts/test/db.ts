// Test helper: a connection to the PostgreSQL in DATABASE_URL, with the migrations applied to a
// schema of its own. Every test file gets a fresh schema, so test files running at the same time (or
// a run that crashed halfway) never see each other's tables; close() drops it.
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as crypto from 'node:crypto';
import { Client } from 'pg';

const DEFAULT_URL = 'postgres://postgres@localhost:5432/postgres';
const MIGRATIONS = path.join(__dirname, '..', 'migrations');

export interface TestDatabase {
  client: Client;
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL || DEFAULT_URL;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`PostgreSQL is not reachable at ${url.replace(/\/\/[^@/]*@/, '//…@')} (${reason}). Start it, or set DATABASE_URL.`);
  }
  const schema = `test_${crypto.randomBytes(6).toString('hex')}`;
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`SET search_path TO ${schema}`);
  for (const file of (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort()) {
    await client.query(await readFile(path.join(MIGRATIONS, file), 'utf8'));
  }
  return {
    client,
    async close() {
      await client.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
      await client.end();
    },
  };
}
