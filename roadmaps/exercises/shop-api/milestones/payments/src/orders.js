// Milestones 3 and 5: checkout, in one transaction, and orders. (Milestone 5 is still to do.)
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

// POST /carts/{id}/checkout -> 201 the order; 400 empty; 404; 409.
async function checkout({ db, params }) {
  const cartId = parseId(params.id);
  if (cartId === null) throw new HttpError(404, `No cart ${params.id}`);
  return withTransaction(db, async (client) => {
    // 3.2 Lock the cart first: a second checkout of the same cart waits here until the first ends.
    const cart = await client.query('SELECT checked_out_at FROM carts WHERE id = $1 FOR UPDATE', [cartId]);
    if (cart.rows.length === 0) throw new HttpError(404, `No cart ${params.id}`);

    // TODO 5.2 Idempotency-Key: look it up here, after the lock.

    if (cart.rows[0].checked_out_at !== null) throw new HttpError(409, 'This cart is already checked out');
    const lines = await client.query('SELECT sku, quantity FROM cart_items WHERE cart_id = $1 ORDER BY sku', [cartId]);
    if (lines.rows.length === 0) throw new HttpError(400, 'The cart is empty');

    // 3.2 Lock the products (in sku order, so two checkouts never wait for each other in a circle),
    // then check and decrement: nobody can change the stock between the check and the write.
    const skus = lines.rows.map((line) => line.sku);
    const products = await client.query('SELECT sku, price_cents, stock FROM products WHERE sku = ANY($1) ORDER BY sku FOR UPDATE', [skus]);
    const bySku = new Map(products.rows.map((p) => [p.sku, p]));
    for (const line of lines.rows) {
      const { stock } = bySku.get(line.sku);
      if (line.quantity > stock) throw new HttpError(409, `Only ${stock} of ${line.sku} left`);
    }
    let totalCents = 0;
    for (const line of lines.rows) {
      await client.query('UPDATE products SET stock = stock - $1 WHERE sku = $2', [line.quantity, line.sku]);
      totalCents += line.quantity * bySku.get(line.sku).price_cents;
    }
    const order = await client.query("INSERT INTO orders (cart_id, status, total_cents) VALUES ($1, 'pending_payment', $2) RETURNING id", [
      cartId,
      totalCents,
    ]);
    const orderId = order.rows[0].id;
    for (const line of lines.rows) {
      await client.query('INSERT INTO order_items (order_id, sku, quantity, price_cents) VALUES ($1, $2, $3, $4)', [
        orderId,
        line.sku,
        line.quantity,
        bySku.get(line.sku).price_cents,
      ]);
    }
    await client.query('UPDATE carts SET checked_out_at = now() WHERE id = $1', [cartId]);

    // TODO 5.3 Store a new Idempotency-Key here, in the same transaction.
    return { status: 201, json: await loadOrder(client, orderId) };
  });
}

// GET /orders/{id} -> 200 the order; 404.
async function getOrder({ db, params }) {
  const id = parseId(params.id);
  const order = id === null ? null : await loadOrder(db, id);
  if (!order) throw new HttpError(404, `No order ${params.id}`);
  return { status: 200, json: order };
}

module.exports = { checkout, getOrder, loadOrder };
