// Milestone 4: payment webhooks, signed by the provider with HMAC-SHA256.
import * as crypto from 'node:crypto';
import { HttpError, MAX_INT, isObject, type HandlerInput, type Reply } from './http';
import { withTransaction } from './db';

const received: Reply = { status: 200, json: { received: true } };

/**
 * 4.2 True when `header` (t=<unix>,v1=<hex>[,v1=<hex>…]) carries a v1 that is the HMAC-SHA256 of
 * "<t>." + rawBody with `secret`. The bytes as they arrived: parsing and serialising again would
 * change them. (A real receiver also refuses a t that is too old; the check uses a fixed t.)
 */
export function verifySignature(secret: string, header: string | string[] | undefined, rawBody: Buffer): boolean {
  if (typeof header !== 'string') return false;
  let timestamp: string | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [name, value = ''] = part.trim().split('=', 2);
    if (name === 't' && /^\d+$/.test(value)) timestamp = value;
    if (name === 'v1' && value !== '') signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) return false;
  const expected = crypto
    .createHmac('sha256', secret)
    .update(Buffer.concat([Buffer.from(`${timestamp}.`), rawBody]))
    .digest();
  return signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    // timingSafeEqual throws on different lengths; a short or non-hex value simply does not match.
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}

// POST /webhooks/payments -> 200 {received: true}; 400 bad signature or event; 404 unknown order; 422 amount.
export async function receivePayment({ db, headers, rawBody, json, webhookSecret }: HandlerInput): Promise<Reply> {
  if (!verifySignature(webhookSecret, headers['payment-signature'], rawBody)) {
    throw new HttpError(400, 'The Payment-Signature does not match');
  }
  // Parsed only now that the bytes are known to come from the provider.
  const event = json();
  if (!isObject(event) || typeof event.id !== 'string' || event.id === '' || typeof event.type !== 'string' || !isObject(event.data)) {
    throw new HttpError(400, 'The event must have an id, a type and data');
  }
  const { id: eventId, type } = event;
  if (type !== 'payment.succeeded' && type !== 'payment.failed') return received; // not ours to handle
  const { order_id: orderId, amount_cents: amountCents } = event.data;
  if (typeof orderId !== 'number' || !Number.isInteger(orderId) || typeof amountCents !== 'number' || !Number.isInteger(amountCents)) {
    throw new HttpError(400, 'data.order_id and data.amount_cents must be whole numbers');
  }

  return withTransaction(db, async (client) => {
    // 4.3 Lock the order: a second delivery of the same event waits here for the first to finish.
    const order =
      orderId >= 1 && orderId <= MAX_INT
        ? await client.query<{ status: string; total_cents: number }>('SELECT status, total_cents FROM orders WHERE id = $1 FOR UPDATE', [
            orderId,
          ])
        : null;
    if (!order || order.rows.length === 0) throw new HttpError(404, `No order ${orderId}`);

    // 4.3 Recorded in the same transaction as its effect; the primary key makes a second delivery a no-op.
    const inserted = await client.query('INSERT INTO payment_events (id, order_id, type) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [
      eventId,
      orderId,
      type,
    ]);
    if (inserted.rowCount === 0) return received;
    const { status, total_cents: totalCents } = order.rows[0];
    if (status !== 'pending_payment') return received;

    if (type === 'payment.succeeded') {
      // 4.4 Rolled back, event id included, when the amount is wrong.
      if (amountCents !== totalCents) {
        throw new HttpError(422, `The payment of ${amountCents} cents does not match the order total of ${totalCents}`);
      }
      await client.query("UPDATE orders SET status = 'paid' WHERE id = $1", [orderId]);
    } else {
      await client.query("UPDATE orders SET status = 'payment_failed' WHERE id = $1", [orderId]);
      // 4.5 The units go back into stock.
      await client.query(
        `UPDATE products p SET stock = p.stock + i.quantity
           FROM order_items i
          WHERE i.order_id = $1 AND p.sku = i.sku`,
        [orderId],
      );
    }
    return received;
  });
}
