// Starts the API (done for you). Configuration comes from the environment:
//   PORT, HOST     where to listen (3000, 127.0.0.1)
//   DATABASE_URL   the PostgreSQL that holds the customers and orders tables
//                  (postgres://localhost:5432/postgres)
import { Pool } from 'pg';
import { createApp } from './src/app';

const env = (name: string, fallback: string): string => process.env[name] || fallback;

const pool = new Pool({ connectionString: env('DATABASE_URL', 'postgres://localhost:5432/postgres'), max: 5 });
pool.on('error', (err: Error) => console.error('PostgreSQL:', err.message));

const port = Number(env('PORT', '3000'));
const host = env('HOST', '127.0.0.1');
createApp({ db: pool }).listen(port, host, () => console.log(`Listening on http://${host}:${port}/customers/summary`));
