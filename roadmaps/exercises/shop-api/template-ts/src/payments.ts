// Milestone 4: payment webhooks, signed by the provider with HMAC-SHA256. See README.md, "Milestone 4".
import * as crypto from 'node:crypto';
import { HttpError, MAX_INT, isObject, type HandlerInput, type Reply } from './http';
import { withTransaction } from './db';

/**
 * TODO 4.2 True when `header` ("t=<unix>,v1=<hex>") carries a v1 equal to the lower-case hex
 * HMAC-SHA256, keyed with `secret`, of "<t>." followed by rawBody (the bytes as they arrived).
 * Compare with crypto.timingSafeEqual (it throws when the lengths differ).
 */
export function verifySignature(secret: string, header: string | string[] | undefined, rawBody: Buffer): boolean {
  return false;
}

// POST /webhooks/payments -> 200 { received: true }
export async function receivePayment({ db, headers, rawBody, json, webhookSecret }: HandlerInput): Promise<Reply> {
  // TODO 4.2 verifySignature(webhookSecret, headers['payment-signature'], rawBody), else 400.
  //          Only then parse: const event = json().
  // TODO 4.3 In one transaction: lock the order (404 when there is none) and record event.id
  //          (TODO 4.1 in schema.sql): INSERT … ON CONFLICT DO NOTHING; no row inserted = already
  //          processed -> 200. An order that is not pending_payment -> 200, no change.
  // TODO 4.4 payment.succeeded: amount_cents must equal the order's total_cents (else 422) -> "paid".
  // TODO 4.5 payment.failed: -> "payment_failed", and its items' quantities go back into stock.
  throw new HttpError(501, 'TODO 4.2-4.5: POST /webhooks/payments');
}

// Used by the solution; remove these once you use them.
void crypto;
void MAX_INT;
void isObject;
void withTransaction;
