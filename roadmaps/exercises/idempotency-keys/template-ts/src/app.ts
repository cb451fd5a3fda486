import crypto from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { CardDeclinedError, createProvider, ProviderUnavailableError, type Provider } from './provider';
import { createIdempotencyStore, fingerprint } from './idempotency';

const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_KEY_LENGTH = 255;

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
  void store; // TODO 2 uses it
  void fingerprint; // TODO 2 uses it
  /** client id -> the payments made for that client, oldest first */
  const payments = new Map<string, Payment[]>();

  app.get('/payments', (req: Request, res: Response) => {
    const clientId = req.get('X-Client-Id');
    if (!clientId) return res.status(400).json({ error: 'The X-Client-Id header is required' });
    res.json({ data: payments.get(clientId) ?? [] });
  });

  app.post('/payments', async (req: Request, res: Response) => {
    const clientId = req.get('X-Client-Id') ?? '';
    const key = req.get('Idempotency-Key') ?? '';
    // TODO 1: answer 400 { error } when X-Client-Id is missing, when Idempotency-Key is missing, and
    // when the key is longer than MAX_KEY_LENGTH, before anything else happens.
    const problem = paymentProblem(req.body);
    if (problem) return res.status(400).json({ error: problem });

    // TODO 2: claim the key with store.begin(clientId, key, fingerprint(req.body)) and answer
    // 'mismatch' with 422, 'in-progress' with 409, and 'done' with the stored status and body and the
    // header Idempotent-Replayed: true. Only 'new' goes on to charge the card.

    try {
      const { amount, currency, card } = req.body as { amount: number; currency: string; card: string };
      await provider.charge({ amount, currency, card });
      const payment: Payment = { id: `pay_${crypto.randomUUID()}`, amount, currency, status: 'succeeded' };
      if (!payments.has(clientId)) payments.set(clientId, []);
      payments.get(clientId)?.push(payment);
      // TODO 3: store this answer ({ status: 201, body: payment }) with store.complete() before sending it.
      res.status(201).json(payment);
    } catch (err) {
      if (err instanceof CardDeclinedError) {
        // TODO 3: a declined card is a final answer too: store it.
        return res.status(402).json({ error: 'card_declined' });
      }
      // TODO 4: nothing was charged here. Free the key with store.release() so that a retry can do the work.
      if (err instanceof ProviderUnavailableError) {
        return res.status(503).json({ error: 'The payment provider is unavailable; retry with the same Idempotency-Key' });
      }
      throw err;
    }
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
