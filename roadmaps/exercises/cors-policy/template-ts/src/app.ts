// A small JSON API (/api/items) behind a CORS policy (src/cors.ts).
import * as http from 'node:http';
import { corsPolicy, parseOrigins } from './cors';

interface Item {
  id: number;
  name: string;
}
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, id: number) => Promise<void>;

/** The routes and the methods each supports (done for you). */
const ROUTES = [
  { name: '/api/items', pattern: /^\/api\/items$/, methods: ['GET', 'POST'] },
  { name: '/api/items/:id', pattern: /^\/api\/items\/(\d+)$/, methods: ['GET', 'DELETE'] },
];

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(undefined);
      }
    });
  });
}

export function createServer({ origins = parseOrigins(process.env.CORS_ORIGINS) }: { origins?: string[] } = {}): http.Server {
  const items: Item[] = [
    { id: 1, name: 'Keyboard' },
    { id: 2, name: 'Mouse' },
  ];
  let nextId = 3;

  const handlers: Record<string, Handler> = {
    'GET /api/items': async (req, res) => sendJson(res, 200, items),
    'POST /api/items': async (req, res) => {
      const body = (await readJson(req)) as { name?: unknown } | undefined;
      if (typeof body?.name !== 'string' || body.name.trim() === '') {
        sendJson(res, 400, { error: 'name (a non-empty string) is required' });
        return;
      }
      const item = { id: nextId++, name: body.name.trim() };
      items.push(item);
      sendJson(res, 201, item);
    },
    'GET /api/items/:id': async (req, res, id) => {
      const item = items.find((i) => i.id === id);
      if (item) sendJson(res, 200, item);
      else sendJson(res, 404, { error: `no item ${id}` });
    },
    'DELETE /api/items/:id': async (req, res, id) => {
      const index = items.findIndex((i) => i.id === id);
      if (index === -1) {
        sendJson(res, 404, { error: `no item ${id}` });
        return;
      }
      items.splice(index, 1);
      res.writeHead(204).end();
    },
  };

  return http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const route = ROUTES.find((r) => r.pattern.test(pathname));
    if (!route) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    const id = Number(route.pattern.exec(pathname)?.[1]);
    const method = req.method ?? 'GET';

    // TODO: apply the CORS policy (src/cors.ts) before anything else: set its headers on the
    //       response, and answer a preflight right here with 204 and no body, so no handler runs.

    const handler = route.methods.includes(method) ? handlers[`${method} ${route.name}`] : undefined;
    if (!handler) {
      res.setHeader('Allow', route.methods.join(', '));
      sendJson(res, 405, { error: `${method} is not allowed here` });
      return;
    }
    await handler(req, res, id);
  });
}
