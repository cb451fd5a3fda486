// Test helper: a connection to the PostgreSQL in DATABASE_URL, with the migrations applied to a
// schema of its own. Every test file gets a fresh schema, so test files running at the same time (or
// a run that crashed halfway) never see each other's tables; close() drops it.
const { readdir, readFile } = require('node:fs/promises');
const path = require('node:path');
const crypto = require('node:crypto');
const { Client } = require('pg');

const DEFAULT_URL = 'postgres://postgres@localhost:5432/postgres';
const MIGRATIONS = path.join(__dirname, '..', 'migrations');

async function openTestDatabase() {
  const url = process.env.DATABASE_URL || DEFAULT_URL;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw new Error(
      `PostgreSQL is not reachable at ${url.replace(/\/\/[^@/]*@/, '//…@')} (${err.message}). Start it, or set DATABASE_URL.`,
    );
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

module.exports = { openTestDatabase };
