import crypto from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { CardDeclinedError, createProvider, ProviderUnavailableError, type Provider } from './provider';
import { createIdempotencyStore, fingerprint, type StoredResponse } from './idempotency';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

/** What is wrong with a payment body, or undefined when it is fine. */
function paymentProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'The body must be a JSON object';
  const b = body as Record<string, unknown>;
  if (typeof b.amount !== 'number' || !Number.isInteger(b.amount) || b.amount <= 0) return 'amount must be a positive integer (in cents)';
  if (typeof b.currency !== 'string' || !/^[A-Z]{3}$/.test(b.currency)) return 'currency must be three capital letters, like EUR';
  if (typeof b.card !== 'string' || b.card === '') return 'card must be a card token, like tok_visa';
  return undefined;
}

export interface AppOptions {
  /** How long a stored response is kept (IDEMPOTENCY_TTL_MS), a day by default. */
  ttlMs?: number;
  /** The clock (the tests pass a fake one). */
  now?: () => number;
  /** The payment provider (createProvider() by default). */
  provider?: Provider;
}

export interface Payment {
  id: string;
  amount: number;
  currency: string;
  status: 'succeeded';
}

/**
 * ttlMs:    how long a stored response is kept (IDEMPOTENCY_TTL_MS), a day by default.
 * now:      the clock (the tests pass a fake one).
 * provider: the payment provider (createProvider() by default).
 */
export function createApp({ ttlMs = DAY_MS, now = Date.now, provider = createProvider() }: AppOptions = {}): Express {
  const app = express();
  app.use(express.json());

  const store = createIdempotencyStore({ ttlMs, now });
  /** client id -> the payments made for that client, oldest first */
  const payments = new Map<string, Payment[]>();

  app.get('/payments', (req: Request, res: Response) => {
    const clientId = req.get('X-Client-Id');
    if (!clientId) return res.status(400).json({ error: 'The X-Client-Id header is required' });
    res.json({ data: payments.get(clientId) ?? [] });
  });

  app.post('/payments', async (req: Request, res: Response) => {
    const clientId = req.get('X-Client-Id');
    if (!clientId) return res.status(400).json({ error: 'The X-Client-Id header is required' });
    const key = req.get('Idempotency-Key');
    if (!key) return res.status(400).json({ error: 'The Idempotency-Key header is required' });
    if (key.length > MAX_KEY_LENGTH) return res.status(400).json({ error: `Idempotency-Key is longer than ${MAX_KEY_LENGTH} characters` });
    const problem = paymentProblem(req.body);
    if (problem) return res.status(400).json({ error: problem });

    const claim = store.begin(clientId, key, fingerprint(req.body));
    if (claim.state === 'mismatch') {
      return res.status(422).json({ error: 'This Idempotency-Key was already used with a different request body' });
    }
    if (claim.state === 'in-progress') {
      return res.status(409).json({ error: 'A request with this Idempotency-Key is still in progress; retry later' });
    }
    if (claim.state === 'done') {
      return res.status(claim.response.status).set('Idempotent-Replayed', 'true').json(claim.response.body);
    }

    let response: StoredResponse;
    try {
      const { amount, currency, card } = req.body as { amount: number; currency: string; card: string };
      await provider.charge({ amount, currency, card });
      const payment: Payment = { id: `pay_${crypto.randomUUID()}`, amount, currency, status: 'succeeded' };
      if (!payments.has(clientId)) payments.set(clientId, []);
      payments.get(clientId)?.push(payment);
      response = { status: 201, body: payment };
    } catch (err) {
      if (err instanceof CardDeclinedError) {
        // The provider did the work and said no: that answer is final, so it is stored like a success.
        response = { status: 402, body: { error: 'card_declined' } };
      } else {
        // Nothing happened: free the key so that a retry can do the work.
        store.release(clientId, key);
        if (err instanceof ProviderUnavailableError) {
          return res.status(503).json({ error: 'The payment provider is unavailable; retry with the same Idempotency-Key' });
        }
        throw err;
      }
    }
    store.complete(clientId, key, response);
    res.status(response.status).json(response.body);
  });

  // Controls for the fake provider, so you (and the checks) can see and break it.
  app.get('/provider/charges', (req: Request, res: Response) => {
    res.json({ charges: provider.charges });
  });
  app.post('/provider/outage', (req: Request, res: Response) => {
    provider.down = (req.body as { down?: unknown } | undefined)?.down === true;
    res.json({ down: provider.down });
  });

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: `No route for ${req.method} ${req.path}` });
  });
  // Malformed JSON (express.json() throws a 400) and anything unexpected, answered as JSON.
  app.use((err: { status?: unknown }, req: Request, res: Response, next: NextFunction) => {
    void next;
    const status = typeof err.status === 'number' && Number.isInteger(err.status) && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) console.error(err);
    res.status(status).json({ error: status === 500 ? 'Internal server error' : 'The body is not valid JSON' });
  });
  return app;
}
