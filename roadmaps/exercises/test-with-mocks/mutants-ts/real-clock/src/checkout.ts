// Checkout for a small shop: take the payment, then email a receipt. This code is correct and
// complete: leave it as it is. Your job is the tests in test/checkout.test.ts.
//
// Everything slow, costly or out of our control comes in through `createCheckout`'s parameters (the
// payment provider, the mailer and the clock), so a test can hand in doubles instead of the real ones.

/** Attempts at most, for a charge that fails for a reason that may go away (a 5xx or a timeout). */
export const MAX_ATTEMPTS = 3;
/** Milliseconds to wait before the 2nd and the 3rd attempt. */
export const RETRY_DELAYS_MS: readonly number[] = [200, 400];

export interface ChargeRequest {
  /** In cents. */
  amount: number;
  currency: string;
  idempotencyKey: string;
}

export interface PaymentProvider {
  /** Rejects with an Error that has a numeric `status` (the provider's answer) or a `code` such as 'ETIMEDOUT'. */
  charge(request: ChargeRequest): Promise<{ id: string }>;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: Mail): Promise<void>;
}

export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export interface Order {
  id: string;
  email: string;
  /** In cents. */
  amount: number;
  currency: string;
}

export type CheckoutResult =
  | { status: 'paid'; chargeId: string; paidAt: string; receiptSent: boolean }
  | { status: 'declined'; reason: string };

/** The provider could not be reached or kept failing: the customer was not charged, try again later. */
export class PaymentUnavailableError extends Error {
  constructor(orderId: string, cause: unknown) {
    super(`payment for order ${orderId} failed after ${MAX_ATTEMPTS} attempts`, { cause });
    this.name = 'PaymentUnavailableError';
  }
}

/** The real clock; tests pass their own. */
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** What a failed call may carry: the provider's HTTP status, or a network error's code. */
interface CallError {
  status?: unknown;
  code?: unknown;
  message?: unknown;
}

function fields(error: unknown): CallError {
  return typeof error === 'object' && error !== null ? (error as CallError) : {};
}

/** A failure worth another attempt: the provider's 5xx, or no answer at all. */
function isTransient(error: unknown): boolean {
  const { status, code } = fields(error);
  if (typeof status === 'number') return status >= 500;
  return code === 'ETIMEDOUT' || code === 'ECONNRESET';
}

/** The provider's 4xx: it looked at the charge and said no (card declined, bad amount). Asking again changes nothing. */
function isDeclined(error: unknown): boolean {
  const { status } = fields(error);
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** 1250 cents in EUR → "12.50 EUR". */
function formatAmount(cents: number, currency: string): string {
  return `${(cents / 100).toFixed(2)} ${currency}`;
}

type ChargeOutcome = { ok: true; charge: { id: string } } | { ok: false; reason: string };

export function createCheckout({ payments, mailer, clock = systemClock }: { payments: PaymentProvider; mailer: Mailer; clock?: Clock }) {
  async function charge(order: Order): Promise<ChargeOutcome> {
    // The order id is the idempotency key, the same on every attempt: a retry of a charge that did go
    // through (only its answer was lost) must not take the money twice.
    const request: ChargeRequest = { amount: order.amount, currency: order.currency, idempotencyKey: order.id };
    for (let attempt = 1; ; attempt++) {
      try {
        return { ok: true, charge: await payments.charge(request) };
      } catch (error) {
        if (isTransient(error) && attempt < MAX_ATTEMPTS) {
          await clock.sleep(RETRY_DELAYS_MS[attempt - 1] ?? 0);
          continue;
        }
        if (isDeclined(error)) return { ok: false, reason: String(fields(error).message) };
        if (isTransient(error)) throw new PaymentUnavailableError(order.id, error);
        throw error; // not the provider's answer: a bug of ours, which must not be hidden
      }
    }
  }

  /** Charges `order.amount` cents and emails the receipt. */
  async function checkout(order: Order): Promise<CheckoutResult> {
    const result = await charge(order);
    if (!result.ok) return { status: 'declined', reason: result.reason };

    const paidAt = new Date().toISOString(); // MUTANT: the real clock, not the injected one
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
