// Starts the shop API (done for you). Configuration comes from the environment:
//   PORT, HOST       where to listen (3000, 127.0.0.1)
//   DATABASE_URL     the PostgreSQL database that holds the shop (postgres://localhost:5432/postgres)
//   WEBHOOK_SECRET   the secret the payment provider signs its webhooks with (milestone 4)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Pool } from 'pg';
import { createApp } from './src/app';

const env = (name: string, fallback: string): string => process.env[name] || fallback;

async function main(): Promise<void> {
  // At most 10 connections: more requests than that wait for a free one.
  const db = new Pool({ connectionString: env('DATABASE_URL', 'postgres://localhost:5432/postgres'), max: 10 });
  db.on('error', (err: Error) => console.error('PostgreSQL:', err.message));
  // The tables exist before the first request: schema.sql only uses CREATE TABLE IF NOT EXISTS.
  await db.query(fs.readFileSync(path.join(__dirname, 'schema.sql'), 'utf8'));

  const port = Number(env('PORT', '3000'));
  const host = env('HOST', '127.0.0.1');
  const app = createApp({ db, webhookSecret: env('WEBHOOK_SECRET', 'whsec_local_development') });
  app.listen(port, host, () => console.log(`Listening on http://${host}:${port}/products`));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
