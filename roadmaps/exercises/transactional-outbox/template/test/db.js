// Test helper: a pool on PostgreSQL (DATABASE_URL) whose connections all use a fresh schema, with
// src/schema.sql applied. close() drops the schema again, so runs never see each other's rows.
const { readFile } = require('node:fs/promises');
const path = require('node:path');
const crypto = require('node:crypto');
const { Pool } = require('pg');

const DEFAULT_URL = 'postgres://localhost:5432/postgres';

async function openTestPool() {
  const url = process.env.DATABASE_URL || DEFAULT_URL;
  const schema = `outbox_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new Pool({ connectionString: url, connectionTimeoutMillis: 3000, max: 1 });
  admin.on('error', () => {});
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } catch (err) {
    await admin.end().catch(() => {});
    throw new Error(`PostgreSQL is not reachable at ${redact(url)}: ${err.message || err.code}. Start it or set DATABASE_URL.`);
  }
  const pool = new Pool({ connectionString: url, connectionTimeoutMillis: 3000, options: `-c search_path=${schema}` });
  pool.on('error', () => {});
  await pool.query(await readFile(path.join(__dirname, '..', 'src', 'schema.sql'), 'utf8'));
  return {
    pool,
    async count(table) {
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM ${table}`);
      return rows[0].n;
    },
    async close() {
      await pool.end();
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

module.exports = { openTestPool };
