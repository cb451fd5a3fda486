// Receiving signed webhooks. Read README.md first; it lists every rule the check tests.
//
// The sender signs each delivery: Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>
// where the HMAC (key: the shared secret) is over `${t}.${rawBody}`.
const crypto = require('node:crypto');

/** { t, v1: [...] } from the header, or undefined when it is missing or malformed. */
function parseHeader(header) {
  if (typeof header !== 'string') return undefined;
  let t;
  const v1 = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (t !== undefined || !/^\d+$/.test(value)) return undefined;
      t = Number(value);
    } else if (key === 'v1') {
      v1.push(value);
    } // other schemes (v0, v2…) are skipped
  }
  return t === undefined || v1.length === 0 ? undefined : { t, v1 };
}

/**
 * Is this delivery authentic and fresh? `header` is the Webhook-Signature value (or undefined),
 * `rawBody` a Buffer of the exact bytes received, `now` Unix seconds.
 * Returns { ok: true } or { ok: false, reason: '...' }.
 */
function verifySignature({ header, rawBody, secret, toleranceSeconds, now }) {
  const parsed = parseHeader(header);
  if (!parsed) return { ok: false, reason: 'Webhook-Signature must be t=<unix seconds>,v1=<hex signature>' };
  if (Math.abs(now - parsed.t) > toleranceSeconds) {
    return { ok: false, reason: `The timestamp is more than ${toleranceSeconds} s away from now` };
  }
  const expected = crypto.createHmac('sha256', secret).update(`${parsed.t}.`).update(rawBody).digest();
  // WRONG: only the first v1 is compared; during a secret rotation the right one may be second.
  const matches = parsed.v1.slice(0, 1).some((hex) => {
    // Decoding drops what is not hex, so only an exact 64-digit lower-case string counts.
    if (!/^[0-9a-f]{64}$/.test(hex)) return false;
    return crypto.timingSafeEqual(Buffer.from(hex, 'hex'), expected);
  });
  return matches ? { ok: true } : { ok: false, reason: 'No v1 signature matches' };
}

/**
 * Returns handle(header, rawBody) -> { status, body }, the answer to one POST /webhooks.
 * `onEvent(event)` applies an accepted event (done for you in app.js); it must run once per event id.
 */
function createWebhookHandler({ secret, toleranceSeconds, now, onEvent }) {
  // Event id -> when it was accepted. Kept twice the tolerance: anything older fails the timestamp check.
  const seen = new Map();
  const forgetOld = () => {
    for (const [id, at] of seen) if (now() - at > 2 * toleranceSeconds) seen.delete(id);
  };

  return function handle(header, rawBody) {
    const verdict = verifySignature({ header, rawBody, secret, toleranceSeconds, now: now() });
    if (!verdict.ok) return { status: 400, body: { error: verdict.reason } };
    let event;
    try {
      event = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return { status: 400, body: { error: 'The body is not JSON' } };
    }
    if (event === null || typeof event !== 'object' || typeof event.id !== 'string') {
      return { status: 400, body: { error: 'The event needs a string id' } };
    }
    forgetOld();
    if (seen.has(event.id)) return { status: 200, body: { received: true, duplicate: true } };
    seen.set(event.id, now());
    onEvent(event);
    return { status: 200, body: { received: true } };
  };
}

module.exports = { verifySignature, createWebhookHandler };
