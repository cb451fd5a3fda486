// Checkout for a small shop: take the payment, then email a receipt. This code is correct and
// complete: leave it as it is. Your job is the tests in test/checkout.test.js.
//
// Everything slow, costly or out of our control comes in through `createCheckout`'s parameters (the
// payment provider, the mailer and the clock), so a test can hand in doubles instead of the real ones.

/** Attempts at most, for a charge that fails for a reason that may go away (a 5xx or a timeout). */
const MAX_ATTEMPTS = 3;
/** Milliseconds to wait before the 2nd and the 3rd attempt. */
const RETRY_DELAYS_MS = [200, 400];

/** The provider could not be reached or kept failing: the customer was not charged, try again later. */
class PaymentUnavailableError extends Error {
  constructor(orderId, cause) {
    super(`payment for order ${orderId} failed after ${MAX_ATTEMPTS} attempts`, { cause });
    this.name = 'PaymentUnavailableError';
  }
}

/** The real clock; tests pass their own. */
const systemClock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A failure worth another attempt: the provider's 5xx, or no answer at all. */
function isTransient(error) {
  if (typeof error?.status === 'number') return error.status >= 500;
  return error?.code === 'ETIMEDOUT' || error?.code === 'ECONNRESET';
}

/** The provider's 4xx: it looked at the charge and said no (card declined, bad amount). Asking again changes nothing. */
function isDeclined(error) {
  return typeof error?.status === 'number' && error.status >= 400 && error.status < 500;
}

/** 1250 cents in EUR → "12.50 EUR". */
function formatAmount(cents, currency) {
  return `${(cents / 100).toFixed(2)} ${currency}`;
}

/**
 * @param {object} deps
 * @param {{ charge(request: { amount: number, currency: string, idempotencyKey: string }): Promise<{ id: string }> }} deps.payments
 * @param {{ send(message: { to: string, subject: string, text: string }): Promise<void> }} deps.mailer
 * @param {{ now(): Date, sleep(ms: number): Promise<void> }} [deps.clock]
 */
function createCheckout({ payments, mailer, clock = systemClock }) {
  async function charge(order) {
    // The order id is the idempotency key, the same on every attempt: a retry of a charge that did go
    // through (only its answer was lost) must not take the money twice.
    const request = { amount: order.amount, currency: order.currency, idempotencyKey: order.id };
    for (let attempt = 1; ; attempt++) {
      try {
        return { ok: true, charge: await payments.charge(request) };
      } catch (error) {
        if (isTransient(error) && attempt < MAX_ATTEMPTS) {
          // MUTANT: no wait before the next attempt
          continue;
        }
        if (isDeclined(error)) return { ok: false, reason: error.message };
        if (isTransient(error)) throw new PaymentUnavailableError(order.id, error);
        throw error; // not the provider's answer: a bug of ours, which must not be hidden
      }
    }
  }

  /**
   * Charges `order.amount` cents and emails the receipt.
   * @param {{ id: string, email: string, amount: number, currency: string }} order
   */
  async function checkout(order) {
    const result = await charge(order);
    if (!result.ok) return { status: 'declined', reason: result.reason };

    const paidAt = clock.now().toISOString();
    let receiptSent = true;
    try {
      await mailer.send({
        to: order.email,
        subject: `Receipt for order ${order.id}`,
        text: `We received ${formatAmount(order.amount, order.currency)} on ${paidAt}. Payment reference: ${result.charge.id}.`,
      });
    } catch {
      // The money is taken: a receipt that could not be sent must not turn that into a failure.
      receiptSent = false;
    }
    return { status: 'paid', chargeId: result.charge.id, paidAt, receiptSent };
  }

  return { checkout };
}

module.exports = { createCheckout, PaymentUnavailableError, systemClock, MAX_ATTEMPTS, RETRY_DELAYS_MS };
