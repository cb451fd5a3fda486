// The app to containerise. You do not need to change it.
//   GET /        counts a visit in PostgreSQL and answers { visits: n }
//   GET /health  200 { status: 'ok' } when the database answers, 503 otherwise
// It reads DATABASE_URL and PORT (default 3000), and stops cleanly on SIGTERM (docker stop).
import http from 'node:http';
import pg from 'pg';

const port = Number(process.env.PORT ?? 3000);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL ?? 'postgres://localhost:5432/postgres' });

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method === 'GET' && req.url === '/health') {
    await pool.query('SELECT 1');
    return send(res, 200, { status: 'ok' });
  }
  if (req.method === 'GET' && req.url === '/') {
    await pool.query('INSERT INTO visits DEFAULT VALUES');
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM visits');
    return send(res, 200, { visits: Number(rows[0].n) });
  }
  send(res, 404, { error: 'not found' });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function main(): Promise<void> {
  await pool.query('CREATE TABLE IF NOT EXISTS visits (id serial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())');
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      console.error(error.message);
      send(res, 503, { error: 'database unavailable' });
    });
  });
  server.listen(port, () => console.log(`listening on http://localhost:${port}`));

  // docker stop sends SIGTERM to PID 1. Finish the open requests, close the pool, then exit.
  process.once('SIGTERM', () => {
    console.log('SIGTERM: shutting down');
    server.close(() => void pool.end().then(() => process.exit(0)));
  });
}

main().catch((error: Error) => {
  console.error(`cannot start: ${error.message}`);
  process.exit(1);
});
