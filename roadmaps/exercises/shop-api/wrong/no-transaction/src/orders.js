// Milestones 3 and 5: checkout, in one transaction, and orders.
const { HttpError, parseId } = require('./http');
const { withTransaction } = require('./db');

/** The order as clients see it, or null. `db` may be the pool or a client. */
async function loadOrder(db, id) {
  const order = await db.query('SELECT id, status, total_cents FROM orders WHERE id = $1', [id]);
  if (order.rows.length === 0) return null;
  const items = await db.query('SELECT sku, quantity, price_cents FROM order_items WHERE order_id = $1 ORDER BY sku', [id]);
  const { status, total_cents: totalCents } = order.rows[0];
  return { id, status, items: items.rows, total_cents: totalCents };
}

// POST /carts/{id}/checkout [Idempotency-Key] -> 201 the order; 400 empty; 404; 409; 422 key of another cart.
async function checkout({ db, params, headers }) {
  const cartId = parseId(params.id);
  if (cartId === null) throw new HttpError(404, `No cart ${params.id}`);
  const key = headers['idempotency-key'] || null;
  // WRONG: no transaction: every statement below commits on its own, on whichever pool connection.
  const cart = await db.query('SELECT checked_out_at FROM carts WHERE id = $1', [cartId]);
  if (cart.rows.length === 0) throw new HttpError(404, `No cart ${params.id}`);
  if (key !== null) {
    const known = await db.query('SELECT cart_id, order_id FROM idempotency_keys WHERE key = $1', [key]);
    if (known.rows.length > 0) {
      if (known.rows[0].cart_id !== cartId) throw new HttpError(422, 'This Idempotency-Key was used for another cart');
      return { status: 201, json: await loadOrder(db, known.rows[0].order_id) };
    }
  }
  if (cart.rows[0].checked_out_at !== null) throw new HttpError(409, 'This cart is already checked out');
  const lines = await db.query(
    'SELECT i.sku, i.quantity, p.price_cents FROM cart_items i JOIN products p ON p.sku = i.sku WHERE i.cart_id = $1 ORDER BY i.sku',
    [cartId],
  );
  if (lines.rows.length === 0) throw new HttpError(400, 'The cart is empty');
  let totalCents = 0;
  for (const line of lines.rows) {
    // The conditional decrement never oversells, but a later line that fails leaves this one taken.
    const taken = await db.query('UPDATE products SET stock = stock - $1 WHERE sku = $2 AND stock >= $1', [line.quantity, line.sku]);
    if (taken.rowCount === 0) throw new HttpError(409, `Not enough ${line.sku} left`);
    totalCents += line.quantity * line.price_cents;
  }
  const order = await db.query("INSERT INTO orders (cart_id, status, total_cents) VALUES ($1, 'pending_payment', $2) RETURNING id", [
    cartId,
    totalCents,
  ]);
  const orderId = order.rows[0].id;
  for (const line of lines.rows) {
    await db.query('INSERT INTO order_items (order_id, sku, quantity, price_cents) VALUES ($1, $2, $3, $4)', [
      orderId,
      line.sku,
      line.quantity,
      line.price_cents,
    ]);
  }
  await db.query('UPDATE carts SET checked_out_at = now() WHERE id = $1', [cartId]);
  if (key !== null) await db.query('INSERT INTO idempotency_keys (key, cart_id, order_id) VALUES ($1, $2, $3)', [key, cartId, orderId]);
  return { status: 201, json: await loadOrder(db, orderId) };
}

// GET /orders/{id} -> 200 the order; 404.
async function getOrder({ db, params }) {
  const id = parseId(params.id);
  const order = id === null ? null : await loadOrder(db, id);
  if (!order) throw new HttpError(404, `No order ${params.id}`);
  return { status: 200, json: order };
}

module.exports = { checkout, getOrder, loadOrder };
