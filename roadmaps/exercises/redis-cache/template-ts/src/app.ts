// The HTTP API (done for you), on node:http:
//   GET /products/:id  the product, through the cache (404 when there is none)
//   PUT /products/:id  saves { name?, priceCents? } to the database, through the cache (400, 404)
//   GET /stats         { sourceReads, sourceWrites }: how often the database was called
// Every answer is JSON; errors are { "error": "..." }.
import * as http from 'node:http';
import { createProductCache } from './productCache';
import type { CacheRedis } from './productCache';
import { createProductDb, InvalidProductError } from './productDb';
import type { ProductDb } from './productDb';

export interface AppOptions {
  redis: CacheRedis;
  db?: ProductDb;
  keyPrefix?: string;
  ttlSeconds?: number;
  missTtlSeconds?: number;
}

export function createApp({ redis, db = createProductDb(), keyPrefix = 'product:', ttlSeconds = 60, missTtlSeconds = 5 }: AppOptions): http.Server {
  const cache = createProductCache({ redis, db, keyPrefix, ttlSeconds, missTtlSeconds });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/stats') {
      return send(200, { sourceReads: db.calls.findProduct, sourceWrites: db.calls.saveProduct });
    }
    const route = /^\/products\/(\d+)$/.exec(url.pathname);
    if (!route) return send(404, { error: `No route for ${req.method} ${url.pathname}` });
    const id = Number(route[1]);
    if (req.method === 'GET') {
      const product = await cache.getProduct(id);
      return product ? send(200, product) : send(404, { error: `Product ${id} not found` });
    }
    if (req.method === 'PUT') {
      let fields: unknown;
      try {
        fields = JSON.parse(await readBody(req));
      } catch {
        return send(400, { error: 'The body must be JSON' });
      }
      if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
        return send(400, { error: 'The body must be a JSON object' });
      }
      const { name, priceCents } = fields as Record<string, unknown>;
      try {
        const product = await cache.updateProduct(id, { name, priceCents });
        return product ? send(200, product) : send(404, { error: `Product ${id} not found` });
      } catch (err) {
        if (err instanceof InvalidProductError) return send(400, { error: err.message });
        throw err;
      }
    }
    return send(405, { error: `${req.method} is not allowed here` });
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Internal Server Error' }));
    });
  });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 64 * 1024) req.destroy(new Error('body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
