import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCheckout, PaymentUnavailableError } from '../src/checkout'; // the error, for assert.rejects

// Your tests go here. src/checkout.ts is correct: every test you write must pass against it. The check
// then runs your tests against broken copies of src/checkout.ts ("seeded bugs"), and passes when each
// broken copy makes at least one of your tests fail.
//
// Never hand createCheckout the real provider, mailer or clock: give it doubles. `t.mock.fn(impl)`
// makes a function that runs `impl` and records every call in `.mock.calls` (a spy), and is reset when
// the test ends.
//
// One example to start from (it passes, and it catches none of the seeded bugs yet):

test('a successful checkout is reported as paid', async (t) => {
  const payments = { charge: t.mock.fn(async () => ({ id: 'ch_1' })) };
  const mailer = { send: t.mock.fn(async () => {}) };
  const clock = { now: () => new Date('2030-01-02T03:04:05.000Z'), sleep: t.mock.fn(async (_ms: number) => {}) };
  const { checkout } = createCheckout({ payments, mailer, clock });

  const result = await checkout({ id: 'order-42', email: 'ada@example.com', amount: 1250, currency: 'EUR' });

  assert.equal(result.status, 'paid');
});

// TODO: what exactly was charged, and how many times (payments.charge.mock.calls)?
// TODO: the receipt: sent once? to whom? what does it say? after the charge?
// TODO: the result's paidAt, and where that time comes from.
// TODO: a declined charge (make the stub throw an error with status 402).
// TODO: a provider that fails, then recovers (5xx, or an error with code 'ETIMEDOUT'); one that never does.
// TODO: a mailer that fails.
// TODO: an error that is not the provider's answer at all.
