import { test, describe, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createCheckout, PaymentUnavailableError, type ChargeRequest, type Mail, type Order } from '../src/checkout';

// Every boundary is a double made with node:test's mock.fn: the payment provider and the mailer are
// stubs whose calls are recorded (spies), and the clock is a fake that stands still and never really
// waits. Nothing here talks to a network or depends on the time of day.

const NOW = new Date('2030-01-02T03:04:05.000Z');
const order: Order = { id: 'order-42', email: 'ada@example.com', amount: 1250, currency: 'EUR' };

/** An error the way the README says the provider's client throws one. */
function providerError(status: number, message: string): Error {
  return Object.assign(new Error(message), { status });
}

/** A checkout with doubles at every boundary; `charge` and `send` say how the provider and the mailer answer. */
function setUp(
  t: TestContext,
  {
    charge = async (_request: ChargeRequest): Promise<{ id: string }> => ({ id: 'ch_1' }),
    send = async (_message: Mail): Promise<void> => {},
  } = {},
) {
  const payments = { charge: t.mock.fn(charge) };
  const mailer = { send: t.mock.fn(send) };
  const clock = { now: t.mock.fn(() => new Date(NOW)), sleep: t.mock.fn(async (_ms: number) => {}) };
  const { checkout } = createCheckout({ payments, mailer, clock });
  return { checkout, payments, mailer, clock };
}

/** A stub that answers each call with the next of `answers`: an Error is thrown, anything else returned. */
function inTurn<T>(...answers: (T | Error)[]): () => Promise<T> {
  let call = 0;
  return async () => {
    const answer = answers[Math.min(call++, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    return answer as T;
  };
}

describe('a successful checkout', () => {
  test('charges the amount once, keyed by the order id', async (t) => {
    const { checkout, payments } = setUp(t);
    await checkout(order);
    assert.equal(payments.charge.mock.callCount(), 1);
    assert.deepEqual(payments.charge.mock.calls[0].arguments, [{ amount: 1250, currency: 'EUR', idempotencyKey: 'order-42' }]);
  });

  test('returns the charge id and the time from the injected clock', async (t) => {
    const { checkout } = setUp(t);
    assert.deepEqual(await checkout(order), { status: 'paid', chargeId: 'ch_1', paidAt: '2030-01-02T03:04:05.000Z', receiptSent: true });
  });

  test('emails one receipt to the customer, after the charge', async (t) => {
    const { checkout, payments, mailer } = setUp(t);
    await checkout(order);
    assert.equal(mailer.send.mock.callCount(), 1);
    const [message] = mailer.send.mock.calls[0]?.arguments ?? [];
    assert.ok(message);
    assert.equal(message.to, 'ada@example.com');
    assert.equal(message.subject, 'Receipt for order order-42');
    assert.match(message.text, /12\.50 EUR/);
    assert.match(message.text, /2030-01-02T03:04:05\.000Z/);
    assert.match(message.text, /ch_1/);
    // The spies' mock.calls don't say which ran first, so each double notes it in a shared log.
    const log: string[] = [];
    const ordered = setUp(t, {
      charge: async () => (log.push('charge'), { id: 'ch_1' }),
      send: async () => void log.push('send'),
    });
    await ordered.checkout(order);
    assert.deepEqual(log, ['charge', 'send']);
  });

  test('a receipt that cannot be sent does not undo the payment', async (t) => {
    const { checkout, mailer } = setUp(t, { send: inTurn<void>(new Error('SMTP is down')) });
    assert.deepEqual(await checkout(order), { status: 'paid', chargeId: 'ch_1', paidAt: '2030-01-02T03:04:05.000Z', receiptSent: false });
    assert.equal(mailer.send.mock.callCount(), 1);
  });
});

describe('a declined charge (the provider answers 4xx)', () => {
  test('is reported, not retried, and sends no receipt', async (t) => {
    const { checkout, payments, mailer, clock } = setUp(t, { charge: inTurn<{ id: string }>(providerError(402, 'card declined')) });
    assert.deepEqual(await checkout(order), { status: 'declined', reason: 'card declined' });
    assert.equal(payments.charge.mock.callCount(), 1);
    assert.equal(clock.sleep.mock.callCount(), 0);
    assert.equal(mailer.send.mock.callCount(), 0);
  });
});

describe('a provider that fails for a while (5xx or a timeout)', () => {
  test('is tried again after 200 ms, then 400 ms, with the same idempotency key', async (t) => {
    const timeout = Object.assign(new Error('socket timeout'), { code: 'ETIMEDOUT' });
    const { checkout, payments, clock } = setUp(t, { charge: inTurn<{ id: string }>(providerError(503, 'busy'), timeout, { id: 'ch_3' }) });
    const result = await checkout(order);
    assert.equal(result.status, 'paid');
    assert.equal(result.status === 'paid' && result.chargeId, 'ch_3');
    assert.equal(payments.charge.mock.callCount(), 3);
    for (const call of payments.charge.mock.calls) assert.equal(call.arguments[0]?.idempotencyKey, 'order-42');
    assert.deepEqual(
      clock.sleep.mock.calls.map((c) => c.arguments[0]),
      [200, 400],
    );
  });

  test('that never recovers: three attempts, then PaymentUnavailableError, and no receipt', async (t) => {
    const outage = providerError(500, 'internal error');
    const { checkout, payments, mailer } = setUp(t, { charge: inTurn<{ id: string }>(outage) });
    await assert.rejects(checkout(order), (error: unknown) => {
      assert.ok(error instanceof PaymentUnavailableError);
      assert.equal(error.cause, outage);
      return true;
    });
    assert.equal(payments.charge.mock.callCount(), 3);
    assert.equal(mailer.send.mock.callCount(), 0);
  });
});

describe('an error that is not the provider answering', () => {
  test('is passed on unchanged, after a single attempt', async (t) => {
    const bug = new TypeError('Cannot read properties of undefined');
    const { checkout, payments, mailer } = setUp(t, { charge: inTurn<{ id: string }>(bug) });
    await assert.rejects(checkout(order), (error: unknown) => error === bug);
    assert.equal(payments.charge.mock.callCount(), 1);
    assert.equal(mailer.send.mock.callCount(), 0);
  });
});
