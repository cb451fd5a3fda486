// Starts the API and the relay (done for you). Configuration comes from the environment:
//   PORT, HOST        where to listen (3000, 127.0.0.1)
//   DATABASE_URL      the PostgreSQL to use (postgres://localhost:5432/postgres)
//   OUTBOX_POLL_MS    how often the relay looks for unsent events, in milliseconds (500)
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Pool } from 'pg';
import { createApp } from './src/app';
import { createBroker } from './src/broker';
import { startRelay } from './src/relay';

const env = (name: string, fallback: string): string => process.env[name] || fallback;

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: env('DATABASE_URL', 'postgres://localhost:5432/postgres'), connectionTimeoutMillis: 3000 });
  pool.on('error', (err: Error) => console.error('PostgreSQL:', err.message));
  await pool.query(await readFile(path.join(__dirname, 'src', 'schema.sql'), 'utf8'));

  const broker = createBroker();
  startRelay({ pool, broker, intervalMs: Number(env('OUTBOX_POLL_MS', '500')) });

  const app = createApp({ pool, broker });
  const port = Number(env('PORT', '3000'));
  const host = env('HOST', '127.0.0.1');
  app.listen(port, host, () => console.log(`Listening on http://${host}:${port}/orders`));
}

main().catch((err: Error) => {
  console.error(`Could not start: ${err.message}`);
  process.exit(1);
});
