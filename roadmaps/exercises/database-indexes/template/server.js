// Starts the API (done for you): applies the migrations, then listens. Configuration comes from the
// environment:
//   PORT, HOST     where to listen (3000, 127.0.0.1)
//   DATABASE_URL   the PostgreSQL to use (postgres://localhost:5432/postgres)
const { Pool } = require('pg');
const { createApp } = require('./src/app');
const { migrate } = require('./src/migrate');

const env = (name, fallback) => process.env[name] || fallback;

async function main() {
  const pool = new Pool({ connectionString: env('DATABASE_URL', 'postgres://localhost:5432/postgres'), max: 5 });
  pool.on('error', (err) => console.error('PostgreSQL:', err.message));
  await migrate(pool);
  const port = Number(env('PORT', '3000'));
  const host = env('HOST', '127.0.0.1');
  createApp({ db: pool }).listen(port, host, () => console.log(`Listening on http://${host}:${port}/customers/1/orders`));
}

main().catch((err) => {
  console.error(`Could not start: ${err.message}`);
  process.exit(1);
});
