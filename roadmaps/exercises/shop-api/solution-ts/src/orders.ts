// Milestones 3 and 5: checkout, in one transaction, and orders.
import { HttpError, parseId, type Db, type HandlerInput, type Reply } from './http';
import { withTransaction } from './db';

export interface OrderItem {
  sku: string;
  quantity: number;
  price_cents: number;
}

export interface Order {
  id: number;
  status: 'pending_payment' | 'paid' | 'payment_failed';
  items: OrderItem[];
  total_cents: number;
}

/** The order as clients see it, or null. `db` may be the pool or a client. */
export async function loadOrder(db: Db, id: number): Promise<Order | null> {
  const order = await db.query<Pick<Order, 'status' | 'total_cents'>>('SELECT status, total_cents FROM orders WHERE id = $1', [id]);
  if (order.rows.length === 0) return null;
  const items = await db.query<OrderItem>('SELECT sku, quantity, price_cents FROM order_items WHERE order_id = $1 ORDER BY sku', [id]);
  const { status, total_cents: totalCents } = order.rows[0];
  return { id, status, items: items.rows, total_cents: totalCents };
}

// POST /carts/{id}/checkout [Idempotency-Key] -> 201 the order; 400 empty; 404; 409; 422 key of another cart.
export async function checkout({ db, params, headers }: HandlerInput): Promise<Reply> {
  const cartId = parseId(params.id);
  if (cartId === null) throw new HttpError(404, `No cart ${params.id}`);
  const header = headers['idempotency-key'];
  const key = typeof header === 'string' && header !== '' ? header : null;
  return withTransaction(db, async (client) => {
    // 3.3 Lock the cart first: a second checkout of the same cart waits here until the first ends.
    const cart = await client.query<{ checked_out_at: Date | null }>('SELECT checked_out_at FROM carts WHERE id = $1 FOR UPDATE', [cartId]);
    if (cart.rows.length === 0) throw new HttpError(404, `No cart ${params.id}`);

    // 5.2 Looked up after the lock: a retry that waited for it finds the key the first request stored.
    if (key !== null) {
      const known = await client.query<{ cart_id: number; order_id: number }>(
        'SELECT cart_id, order_id FROM idempotency_keys WHERE key = $1',
        [key],
      );
      if (known.rows.length > 0) {
        if (known.rows[0].cart_id !== cartId) throw new HttpError(422, 'This Idempotency-Key was used for another cart');
        return { status: 201, json: await loadOrder(client, known.rows[0].order_id) };
      }
    }

    if (cart.rows[0].checked_out_at !== null) throw new HttpError(409, 'This cart is already checked out');
    const lines = await client.query<{ sku: string; quantity: number }>(
      'SELECT sku, quantity FROM cart_items WHERE cart_id = $1 ORDER BY sku',
      [cartId],
    );
    if (lines.rows.length === 0) throw new HttpError(400, 'The cart is empty');

    // 3.3 Lock the products (in sku order, so two checkouts never wait for each other in a circle),
    // then check and decrement: nobody can change the stock between the check and the write.
    const skus = lines.rows.map((line) => line.sku);
    const products = await client.query<{ sku: string; price_cents: number; stock: number }>(
      'SELECT sku, price_cents, stock FROM products WHERE sku = ANY($1) ORDER BY sku FOR UPDATE',
      [skus],
    );
    const bySku = new Map(products.rows.map((p) => [p.sku, p]));
    const product = (sku: string) => {
      const found = bySku.get(sku);
      if (!found) throw new Error(`Product ${sku} of a cart line is missing`);
      return found;
    };
    for (const line of lines.rows) {
      const { stock } = product(line.sku);
      if (line.quantity > stock) throw new HttpError(409, `Only ${stock} of ${line.sku} left`);
    }
    let totalCents = 0;
    for (const line of lines.rows) {
      await client.query('UPDATE products SET stock = stock - $1 WHERE sku = $2', [line.quantity, line.sku]);
      totalCents += line.quantity * product(line.sku).price_cents;
    }
    const order = await client.query<{ id: number }>(
      "INSERT INTO orders (cart_id, status, total_cents) VALUES ($1, 'pending_payment', $2) RETURNING id",
      [cartId, totalCents],
    );
    const orderId = order.rows[0].id;
    for (const line of lines.rows) {
      await client.query('INSERT INTO order_items (order_id, sku, quantity, price_cents) VALUES ($1, $2, $3, $4)', [
        orderId,
        line.sku,
        line.quantity,
        product(line.sku).price_cents,
      ]);
    }
    await client.query('UPDATE carts SET checked_out_at = now() WHERE id = $1', [cartId]);

    // 5.3 Stored in the same transaction: a refused checkout rolls back and remembers nothing.
    if (key !== null) {
      try {
        await client.query('INSERT INTO idempotency_keys (key, cart_id, order_id) VALUES ($1, $2, $3)', [key, cartId, orderId]);
      } catch (err) {
        // Another cart stored the same key at the same moment.
        if ((err as { code?: string }).code === '23505') throw new HttpError(422, 'This Idempotency-Key was used for another cart');
        throw err;
      }
    }
    return { status: 201, json: await loadOrder(client, orderId) };
  });
}

// GET /orders/{id} -> 200 the order; 404.
export async function getOrder({ db, params }: HandlerInput): Promise<Reply> {
  const id = parseId(params.id);
  const order = id === null ? null : await loadOrder(db, id);
  if (!order) throw new HttpError(404, `No order ${params.id}`);
  return { status: 200, json: order };
}
