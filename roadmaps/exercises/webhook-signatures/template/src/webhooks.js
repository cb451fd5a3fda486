// Receiving signed webhooks. Read README.md first; it lists every rule the check tests.
//
// The sender signs each delivery: Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>
// where the HMAC (key: the shared secret) is over `${t}.${rawBody}`.
const crypto = require('node:crypto');

/**
 * Is this delivery authentic and fresh? `header` is the Webhook-Signature value (or undefined),
 * `rawBody` a Buffer of the exact bytes received, `now` Unix seconds.
 * Returns { ok: true } or { ok: false, reason: '...' }.
 */
function verifySignature({ header, rawBody, secret, toleranceSeconds, now }) {
  // TODO 1: parse the header: comma-separated key=value pairs; one t (digits only), one or more v1.
  //   Missing or malformed: not ok.
  // TODO 2: |now - t| must be at most toleranceSeconds (too old: a replay; too far ahead: forged).
  // TODO 3: expected = HMAC-SHA256(secret, `${t}.` + rawBody) as hex. Ok when one of the v1 values
  //   equals it, compared in constant time (crypto.timingSafeEqual, on Buffers of equal length).
  return { ok: true };
}

/**
 * Returns handle(header, rawBody) -> { status, body }, the answer to one POST /webhooks.
 * `onEvent(event)` applies an accepted event (done for you in app.js); it must run once per event id.
 */
function createWebhookHandler({ secret, toleranceSeconds, now, onEvent }) {
  // TODO 4: remember the ids of accepted events (for at least toleranceSeconds: older deliveries
  //   fail the timestamp check anyway), so a replay or a retry is not applied twice.
  return function handle(header, rawBody) {
    // TODO 5: verify first (400 { error } when not ok); only then parse the JSON (400 when it is not
    //   an object with a string id); an id seen before: 200 { received: true, duplicate: true }
    //   without calling onEvent; otherwise remember the id, call onEvent and answer 200 { received: true }.
    const event = JSON.parse(rawBody.toString('utf8'));
    onEvent(event);
    return { status: 200, body: { received: true } };
  };
}

module.exports = { verifySignature, createWebhookHandler };
