// Writes an order. Read the README first: the order, its lines and its outbox row must be written
// in ONE transaction, so either all of them are kept or none is.

/**
 * @param {{ pool: import('pg').Pool }} deps
 * @param {{ customer: string, lines: { sku: string, quantity: number }[] }} order
 * @returns {Promise<{ id: number, customer: string, lines: { sku: string, quantity: number }[] }>}
 */
async function createOrder({ pool }, { customer, lines }) {
  // TODO: take one client from the pool (pool.connect()) and run BEGIN on it.
  // TODO: all the INSERTs below on that client, then one INSERT INTO outbox (type, payload) with the
  //       type 'order.created' and the payload { orderId, customer, lines } (see the README).
  // TODO: COMMIT; on any error ROLLBACK and throw it again; always release the client.
  const { rows } = await pool.query('INSERT INTO orders (customer) VALUES ($1) RETURNING id', [customer]);
  const orderId = rows[0].id;
  for (const [i, line] of lines.entries()) {
    await pool.query('INSERT INTO order_lines (order_id, line_no, sku, quantity) VALUES ($1, $2, $3, $4)', [
      orderId,
      i + 1,
      line.sku,
      line.quantity,
    ]);
  }
  return { id: orderId, customer, lines: lines.map(({ sku, quantity }) => ({ sku, quantity })) };
}

module.exports = { createOrder };
