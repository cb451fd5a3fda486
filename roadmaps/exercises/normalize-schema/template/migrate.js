// A small migration runner (done for you): applies the SQL files in migrations/ to PostgreSQL.
//
//   npm run migrate -- up       apply every migration not applied yet, oldest first
//   npm run migrate -- down     undo the newest applied migration
//   npm run migrate -- status   list the migrations and whether each is applied
//
// It connects to the database in the DATABASE_URL environment variable
// (postgres://localhost:5432/postgres if unset). Each file runs in its own transaction together with
// its row in the schema_migrations table, so a file that fails leaves nothing half done and is not
// recorded. Your part is the SQL in migrations/.
const { readdir, readFile } = require('node:fs/promises');
const path = require('node:path');
const { Client } = require('pg');

const MIGRATIONS = path.join(__dirname, 'migrations');
// Two runners started at once (two deploys, two terminals) must not apply the same file twice: each
// transaction first takes this lock, so they wait for each other.
const LOCK_ID = 4210001;

/** The versions found in migrations/: "001_normalize_orders" for 001_normalize_orders.up.sql. */
async function migrations() {
  const files = await readdir(MIGRATIONS);
  return files.filter((f) => f.endsWith('.up.sql')).map((f) => f.slice(0, -'.up.sql'.length)).sort();
}

async function runFile(client, version, direction) {
  const sql = await readFile(path.join(MIGRATIONS, `${version}.${direction}.sql`), 'utf8');
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    // A query without parameters is sent as is, so a file may hold many statements.
    await client.query(sql);
    if (direction === 'up') await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
    else await client.query('DELETE FROM schema_migrations WHERE version = $1', [version]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

async function main(command) {
  if (!['up', 'down', 'status'].includes(command)) {
    console.error('usage: npm run migrate -- up|down|status');
    return 2;
  }
  const client = new Client({
    connectionString: process.env.DATABASE_URL || 'postgres://localhost:5432/postgres',
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
  } catch (err) {
    console.error(`cannot connect to PostgreSQL (DATABASE_URL): ${err.message || err.code}`);
    return 1;
  }
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = (await client.query('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
    if (command === 'status') {
      for (const version of await migrations()) console.log(`${done.includes(version) ? 'applied' : 'pending'}  ${version}`);
      return 0;
    }
    let steps;
    if (command === 'up') {
      steps = (await migrations()).filter((v) => !done.includes(v)).map((v) => [v, 'up']);
      if (steps.length === 0) console.log('nothing to apply: the database is up to date');
    } else {
      steps = done.length > 0 ? [[done[done.length - 1], 'down']] : [];
      if (steps.length === 0) console.log('nothing to undo: no migration is applied');
    }
    for (const [version, direction] of steps) {
      try {
        await runFile(client, version, direction);
      } catch (err) {
        const detail = err.detail ? `\nDETAIL:  ${err.detail}` : '';
        console.error(`${version}.${direction}.sql failed, nothing of it was kept: ${err.message}${detail}`);
        return 1;
      }
      console.log(`${direction === 'up' ? 'applied' : 'undid'} ${version}`);
    }
    return 0;
  } finally {
    await client.end();
  }
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
