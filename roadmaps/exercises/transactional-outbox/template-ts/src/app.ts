// The HTTP API (done for you), on node:http:
//   POST /orders         { customer, lines: [{ sku, quantity }, ...] } -> 201 with the order
//   GET  /published      the messages the broker has accepted, oldest first
//   POST /broker/outage  { down: true | false } switches a broker outage on or off
// Every answer is JSON; errors are { "error": "..." }.
import * as http from 'node:http';
import type { Pool } from 'pg';
import type { Broker } from './broker';
import { createOrder } from './orders';
import type { OrderLine } from './orders';

function validOrder(body: unknown): string | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'The body must be a JSON object';
  const { customer, lines } = body as { customer?: unknown; lines?: unknown };
  if (typeof customer !== 'string' || customer === '') return 'customer must be a non-empty string';
  if (!Array.isArray(lines) || lines.length === 0) return 'lines must be a non-empty array';
  for (const line of lines as unknown[]) {
    const l = line as { sku?: unknown; quantity?: unknown } | null;
    if (l === null || typeof l !== 'object' || typeof l.sku !== 'string' || !Number.isInteger(l.quantity)) {
      return 'each line needs a sku (string) and a quantity (whole number)';
    }
  }
  // The quantity's range is left to the database: order_lines has CHECK (quantity > 0).
  return null;
}

export function createApp({ pool, broker }: { pool: Pool; broker: Broker }): http.Server {
  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /published') return send(200, broker.published());
    if (route !== 'POST /orders' && route !== 'POST /broker/outage') {
      return send(404, { error: `No route for ${route}` });
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return send(400, { error: 'The body must be JSON' });
    }
    if (route === 'POST /broker/outage') {
      const down = (body as { down?: unknown } | null)?.down;
      if (typeof down !== 'boolean') return send(400, { error: 'Send {"down": true} or {"down": false}' });
      broker.setDown(down);
      return send(200, { down: broker.isDown() });
    }
    const problem = validOrder(body);
    if (problem) return send(400, { error: problem });
    const { customer, lines } = body as { customer: string; lines: OrderLine[] };
    try {
      const order = await createOrder({ pool, broker }, { customer, lines });
      return send(201, order);
    } catch (err) {
      // 23514: a CHECK constraint refused a row (a quantity of 0 or less).
      if ((err as { code?: string }).code === '23514') {
        return send(400, { error: `The database refused the order: ${(err as Error).message}` });
      }
      throw err;
    }
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Internal error' }));
    });
  });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
