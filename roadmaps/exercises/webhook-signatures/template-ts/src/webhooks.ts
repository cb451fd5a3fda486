// Receiving signed webhooks. Read README.md first; it lists every rule the check tests.
//
// The sender signs each delivery: Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>
// where the HMAC (key: the shared secret) is over `${t}.${rawBody}`.
import * as crypto from 'node:crypto';

export interface WebhookEvent {
  id: string;
  type?: unknown;
  amount?: unknown;
  [key: string]: unknown;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

export interface VerifyInput {
  /** The Webhook-Signature header, or undefined when it was not sent. */
  header: string | undefined;
  /** The exact bytes received. */
  rawBody: Buffer;
  secret: string;
  toleranceSeconds: number;
  /** Unix seconds. */
  now: number;
}

/** Is this delivery authentic and fresh? */
export function verifySignature({ header, rawBody, secret, toleranceSeconds, now }: VerifyInput): Verdict {
  // TODO 1: parse the header: comma-separated key=value pairs; one t (digits only), one or more v1.
  //   Missing or malformed: not ok.
  // TODO 2: |now - t| must be at most toleranceSeconds (too old: a replay; too far ahead: forged).
  // TODO 3: expected = HMAC-SHA256(secret, `${t}.` + rawBody) as hex. Ok when one of the v1 values
  //   equals it, compared in constant time (crypto.timingSafeEqual, on Buffers of equal length).
  void [header, rawBody, secret, toleranceSeconds, now, crypto];
  return { ok: true };
}

export interface HandlerOptions {
  secret: string;
  toleranceSeconds: number;
  /** Unix seconds; WEBHOOK_NOW when it is set. */
  now: () => number;
  /** Applies an accepted event (done for you in app.ts); it must run once per event id. */
  onEvent: (event: WebhookEvent) => void;
}

export interface Answer {
  status: number;
  body: { received: true; duplicate?: true } | { error: string };
}

/** Returns handle(header, rawBody), the answer to one POST /webhooks. */
export function createWebhookHandler({ secret, toleranceSeconds, now, onEvent }: HandlerOptions): (header: string | undefined, rawBody: Buffer) => Answer {
  // TODO 4: remember the ids of accepted events (for at least toleranceSeconds: older deliveries
  //   fail the timestamp check anyway), so a replay or a retry is not applied twice.
  void [secret, toleranceSeconds, now];
  return function handle(header, rawBody) {
    // TODO 5: verify first (400 { error } when not ok); only then parse the JSON (400 when it is not
    //   an object with a string id); an id seen before: 200 { received: true, duplicate: true }
    //   without calling onEvent; otherwise remember the id, call onEvent and answer 200 { received: true }.
    void header;
    const event = JSON.parse(rawBody.toString('utf8')) as WebhookEvent;
    onEvent(event);
    return { status: 200, body: { received: true } };
  };
}
