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

interface ParsedHeader {
  t: number;
  v1: string[];
}

function parseHeader(header: string | undefined): ParsedHeader | undefined {
  if (header === undefined) return undefined;
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const [key, ...rest] = part.split('=');
    if (rest.length === 0) return undefined;
    const value = rest.join('=').trim();
    switch (key?.trim()) {
      case 't':
        if (t !== undefined || !/^\d+$/.test(value)) return undefined;
        t = Number(value);
        break;
      case 'v1':
        v1.push(value);
        break;
      default: // another scheme: not ours
    }
  }
  return t !== undefined && v1.length > 0 ? { t, v1 } : undefined;
}

/** Is this delivery authentic and fresh? */
export function verifySignature({ header, rawBody, secret, toleranceSeconds, now }: VerifyInput): Verdict {
  const parsed = parseHeader(header);
  if (!parsed) return { ok: false, reason: 'Webhook-Signature must be t=<unix seconds>,v1=<hex signature>' };
  if (Math.abs(now - parsed.t) > toleranceSeconds) return { ok: false, reason: 'The timestamp is outside the tolerance' };
  const expected = crypto.createHmac('sha256', secret).update(`${parsed.t}.`).update(rawBody).digest();
  // Only 64 lower-case hex digits can be equal to the digest; anything else never reaches timingSafeEqual.
  const valid = parsed.v1.some((hex) => /^[0-9a-f]{64}$/.test(hex) && crypto.timingSafeEqual(Buffer.from(hex, 'hex'), expected));
  return valid ? { ok: true } : { ok: false, reason: 'No v1 signature matches' };
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

function isEvent(value: unknown): value is WebhookEvent {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

/** Returns handle(header, rawBody), the answer to one POST /webhooks. */
export function createWebhookHandler({ secret, toleranceSeconds, now, onEvent }: HandlerOptions): (header: string | undefined, rawBody: Buffer) => Answer {
  // Accepted ids and when; twice the tolerance is plenty, as older deliveries fail the timestamp check.
  const accepted = new Map<string, number>();

  return function handle(header, rawBody) {
    const at = now();
    const verdict = verifySignature({ header, rawBody, secret, toleranceSeconds, now: at });
    if (!verdict.ok) return { status: 400, body: { error: verdict.reason } };
    let event: unknown;
    try {
      event = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return { status: 400, body: { error: 'The body is not JSON' } };
    }
    if (!isEvent(event)) return { status: 400, body: { error: 'The event needs a string id' } };
    for (const [id, when] of accepted) if (at - when > 2 * toleranceSeconds) accepted.delete(id);
    if (accepted.has(event.id)) return { status: 200, body: { received: true, duplicate: true } };
    accepted.set(event.id, at);
    onEvent(event);
    return { status: 200, body: { received: true } };
  };
}
