// Starts the job board (done for you). Configuration comes from the environment; the check sets its own:
//   PORT, HOST     where to listen (3000, 127.0.0.1)
//   DATABASE_URL   the PostgreSQL database that holds the tables (postgres://localhost:5432/postgres)
//   JWT_SECRET     the HS256 secret that signs every token the board accepts
// Before it listens, it runs src/schema.sql, so the tables exist (CREATE TABLE IF NOT EXISTS ...).
const fs = require('node:fs');
const path = require('node:path');
const { Pool } = require('pg');
const { createApp } = require('./src/app');

const env = (name, fallback) => process.env[name] || fallback;

// The fallback secret is for trying the board by hand only: a real one comes from configuration.
const secret = env('JWT_SECRET', 'dev-only-secret-change-me-0123456789abcdef');
const pool = new Pool({ connectionString: env('DATABASE_URL', 'postgres://localhost:5432/postgres'), max: 10 });
pool.on('error', (err) => console.error('PostgreSQL:', err.message));

async function main() {
  await pool.query(fs.readFileSync(path.join(__dirname, 'src', 'schema.sql'), 'utf8'));
  const port = Number(env('PORT', '3000'));
  const host = env('HOST', '127.0.0.1');
  createApp({ db: pool, secret }).listen(port, host, () => console.log(`Listening on http://${host}:${port}/jobs`));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
