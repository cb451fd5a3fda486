// The HTTP server (done for you), on node:http. It reads the body, finds the handler for the method
// and path, and answers what the handler returns ({ status, json }) as JSON. A handler that throws an
// HttpError answers its status with { "error": message }; any other error answers 500.
import * as http from 'node:http';
import type { Pool } from 'pg';
import { HttpError, type Handler, type Reply } from './http';
import * as catalog from './catalog';
import * as carts from './carts';
import * as orders from './orders';
import * as payments from './payments';

interface Route {
  method: string;
  regex: RegExp;
  names: string[];
  handler: Handler;
}

// [method, path pattern, handler]; :names become params (strings).
const routes: Route[] = (
  [
    ['POST', '/products', catalog.createProduct],
    ['GET', '/products', catalog.listProducts],
    ['GET', '/products/:sku', catalog.getProduct],
    ['POST', '/carts', carts.createCart],
    ['GET', '/carts/:id', carts.getCart],
    ['PUT', '/carts/:id/items/:sku', carts.setItem],
    ['POST', '/carts/:id/checkout', orders.checkout],
    ['GET', '/orders/:id', orders.getOrder],
    ['POST', '/webhooks/payments', payments.receivePayment],
  ] as const
).map(([method, pattern, handler]) => {
  const names: string[] = [];
  const source = pattern.replace(/:([a-z]+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, regex: new RegExp(`^${source}$`), names, handler };
});

export function createApp({ db, webhookSecret }: { db: Pool; webhookSecret: string }): http.Server {
  async function handle(req: http.IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const matching = routes.filter((route) => route.regex.test(url.pathname));
    if (matching.length === 0) throw new HttpError(404, `No route for ${req.method} ${url.pathname}`);
    const route = matching.find((r) => r.method === req.method);
    if (!route) throw new HttpError(405, `${req.method} is not allowed on ${url.pathname}`);
    const values = route.regex.exec(url.pathname)?.slice(1) ?? [];
    const params = Object.fromEntries(route.names.map((name, i) => [name, decode(values[i] ?? '')]));
    const rawBody = await readBody(req);
    // The body parsed as JSON, on demand: a body that is not JSON answers 400.
    const json = (): unknown => {
      try {
        return JSON.parse(rawBody.toString('utf8'));
      } catch {
        throw new HttpError(400, 'The body must be JSON');
      }
    };
    return route.handler({ db, params, query: url.searchParams, headers: req.headers, rawBody, json, webhookSecret });
  }

  return http.createServer((req, res) => {
    const send = (status: number, value: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    handle(req).then(
      (result) => send(result.status, result.json),
      (err: unknown) => {
        if (err instanceof HttpError) return send(err.status, { error: err.message });
        console.error(err);
        send(500, { error: 'Internal server error' });
      },
    );
  });
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new HttpError(404, `No such resource: ${text}`);
  }
}

/** The whole request body as a Buffer, the bytes exactly as they arrived. */
function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
