// Milestone 4: payment webhooks, signed by the provider with HMAC-SHA256. See README.md, "Milestone 4".
const crypto = require('node:crypto');
const { HttpError, MAX_INT, isObject } = require('./http');
const { withTransaction } = require('./db');

/**
 * TODO 4.2 True when `header` ("t=<unix>,v1=<hex>") carries a v1 equal to the lower-case hex
 * HMAC-SHA256, keyed with `secret`, of "<t>." followed by rawBody (a Buffer, the bytes as they
 * arrived). Compare with crypto.timingSafeEqual (it throws when the lengths differ).
 */
function verifySignature(secret, header, rawBody) {
  return false;
}

// POST /webhooks/payments -> 200 { received: true }
async function receivePayment({ db, headers, rawBody, json, webhookSecret }) {
  // TODO 4.2 verifySignature(webhookSecret, headers['payment-signature'], rawBody), else 400.
  //          Only then parse: const event = json().
  // TODO 4.3 In one transaction: lock the order (404 when there is none) and record event.id
  //          (TODO 4.1 in schema.sql): INSERT … ON CONFLICT DO NOTHING; no row inserted = already
  //          processed -> 200. An order that is not pending_payment -> 200, no change.
  // TODO 4.4 payment.succeeded: amount_cents must equal the order's total_cents (else 422) -> "paid".
  // TODO 4.5 payment.failed: -> "payment_failed", and its items' quantities go back into stock.
  throw new HttpError(501, 'TODO 4.2-4.5: POST /webhooks/payments');
}

module.exports = { receivePayment, verifySignature };
