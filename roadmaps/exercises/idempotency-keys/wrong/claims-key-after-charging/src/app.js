const crypto = require('node:crypto');
const express = require('express');
const { createProvider, CardDeclinedError, ProviderUnavailableError } = require('./provider');
const { createIdempotencyStore, fingerprint } = require('./idempotency');

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

/** What is wrong with a payment body, or undefined when it is fine. */
function paymentProblem(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'The body must be a JSON object';
  if (!Number.isInteger(body.amount) || body.amount <= 0) return 'amount must be a positive integer (in cents)';
  if (typeof body.currency !== 'string' || !/^[A-Z]{3}$/.test(body.currency)) return 'currency must be three capital letters, like EUR';
  if (typeof body.card !== 'string' || body.card === '') return 'card must be a card token, like tok_visa';
  return undefined;
}

/**
 * ttlMs:    how long a stored response is kept (IDEMPOTENCY_TTL_MS), a day by default.
 * now:      the clock (the tests pass a fake one).
 * provider: the payment provider (createProvider() by default).
 */
function createApp({ ttlMs = DAY_MS, now = Date.now, provider = createProvider() } = {}) {
  const app = express();
  app.use(express.json());

  const store = createIdempotencyStore({ ttlMs, now });
  /** client id -> the payments made for that client, oldest first */
  const payments = new Map();

  app.get('/payments', (req, res) => {
    const clientId = req.get('X-Client-Id');
    if (!clientId) return res.status(400).json({ error: 'The X-Client-Id header is required' });
    res.json({ data: payments.get(clientId) ?? [] });
  });

  app.post('/payments', async (req, res) => {
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

    let response;
    try {
      const { amount, currency, card } = req.body;
      await provider.charge({ amount, currency, card });
      const payment = { id: `pay_${crypto.randomUUID()}`, amount, currency, status: 'succeeded' };
      if (!payments.has(clientId)) payments.set(clientId, []);
      payments.get(clientId).push(payment);
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
    // WRONG: the entry (with its fingerprint) is first written here, after the charge.
    store.complete(clientId, key, response, fingerprint(req.body));
    res.status(response.status).json(response.body);
  });

  // Controls for the fake provider, so you (and the checks) can see and break it.
  app.get('/provider/charges', (req, res) => res.json({ charges: provider.charges }));
  app.post('/provider/outage', (req, res) => {
    provider.down = req.body?.down === true;
    res.json({ down: provider.down });
  });

  app.use((req, res) => res.status(404).json({ error: `No route for ${req.method} ${req.path}` }));
  // Malformed JSON (express.json() throws a 400) and anything unexpected, answered as JSON.
  app.use((err, req, res, next) => {
    const status = Number.isInteger(err.status) && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) console.error(err);
    res.status(status).json({ error: status === 500 ? 'Internal server error' : 'The body is not valid JSON' });
  });
  return app;
}

module.exports = { createApp };
