// The connection pool (done for you): DATABASE_URL, and the tables of schema.sql created at start.
const { readFile } = require('node:fs/promises');
const path = require('node:path');
const { Pool } = require('pg');

/** A pg Pool on `connectionString` (DATABASE_URL), with schema.sql applied. */
async function openPool(connectionString = process.env.DATABASE_URL || 'postgres://localhost:5432/postgres', options = {}) {
  const pool = new Pool({ connectionString, max: 5, ...options });
  pool.on('error', (err) => console.error('idle PostgreSQL client:', err.message));
  await pool.query(await readFile(path.join(__dirname, '..', 'schema.sql'), 'utf8'));
  return pool;
}

module.exports = { openPool };
