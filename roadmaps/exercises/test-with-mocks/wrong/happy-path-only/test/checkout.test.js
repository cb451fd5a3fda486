const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const { createCheckout } = require('../src/checkout');

// WEAK: one success and one decline, judged by the return value alone: no spy is ever asked anything.

// Every boundary is a double made with node:test's mock.fn: the payment provider and the mailer are
// stubs whose calls are recorded (spies), and the clock is a fake that stands still and never really
// waits. Nothing here talks to a network or depends on the time of day.

const NOW = new Date('2030-01-02T03:04:05.000Z');
const order = { id: 'order-42', email: 'ada@example.com', amount: 1250, currency: 'EUR' };

/** An error the way the README says the provider's client throws one. */
function providerError(status, message) {
  return Object.assign(new Error(message), { status });
}

/** A checkout with doubles at every boundary; `charge` and `send` say how the provider and the mailer answer. */
function setUp(t, { charge = async () => ({ id: 'ch_1' }), send = async () => {} } = {}) {
  const payments = { charge: t.mock.fn(charge) };
  const mailer = { send: t.mock.fn(send) };
  const clock = { now: t.mock.fn(() => new Date(NOW)), sleep: t.mock.fn(async () => {}) };
  const { checkout } = createCheckout({ payments, mailer, clock });
  return { checkout, payments, mailer, clock };
}

/** A stub that answers each call with the next of `answers`: an Error is thrown, anything else returned. */
function inTurn(...answers) {
  let call = 0;
  return async () => {
    const answer = answers[Math.min(call++, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    return answer;
  };
}

test('a successful checkout is paid and sends a receipt', async (t) => {
  const { checkout } = setUp(t);
  const result = await checkout(order);
  assert.equal(result.status, 'paid');
  assert.equal(result.chargeId, 'ch_1');
  assert.equal(result.receiptSent, true);
});

test('a declined charge is reported', async (t) => {
  const { checkout } = setUp(t, { charge: inTurn(providerError(402, 'card declined')) });
  assert.deepEqual(await checkout(order), { status: 'declined', reason: 'card declined' });
});
