// The HTTP side (done for you), on node:http:
//   POST /webhooks  hands the raw body and the Webhook-Signature header to your handler (./webhooks.ts)
//   GET /balance    { "balance": cents, "events": n }: what the payment events credited so far
// The handler decides the status; answers are JSON.
import * as http from 'node:http';
import { createWebhookHandler } from './webhooks';
import type { WebhookEvent } from './webhooks';

export interface AppOptions {
  secret: string;
  toleranceSeconds?: number;
  now?: () => number;
}

export function createApp({ secret, toleranceSeconds = 300, now = () => Math.floor(Date.now() / 1000) }: AppOptions): http.Server {
  const ledger = { balance: 0, events: 0 };
  // What an accepted event does: a payment credits its amount (in cents). Other types are ignored.
  const onEvent = (event: WebhookEvent): void => {
    ledger.events += 1;
    if (event.type === 'payment.succeeded' && Number.isInteger(event.amount)) ledger.balance += event.amount as number;
  };
  const handle = createWebhookHandler({ secret, toleranceSeconds, now, onEvent });

  return http.createServer((req, res) => {
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/balance') return send(200, ledger);
    if (req.method !== 'POST' || path !== '/webhooks') return send(404, { error: `No route for ${req.method} ${path}` });
    // The body stays a Buffer, exactly as it arrived: the signature is over these bytes.
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const header = req.headers['webhook-signature'];
        const { status, body } = handle(typeof header === 'string' ? header : undefined, Buffer.concat(chunks));
        send(status, body);
      } catch (err) {
        console.error(err);
        send(500, { error: err instanceof Error ? err.message : String(err) });
      }
    });
  });
}
