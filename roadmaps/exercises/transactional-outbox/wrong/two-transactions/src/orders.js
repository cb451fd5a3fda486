// Writes the order and its lines, then the event.

async function createOrder({ pool }, { customer, lines }) {
  const client = await pool.connect();
  const cleanLines = lines.map(({ sku, quantity }) => ({ sku, quantity }));
  let orderId;
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('INSERT INTO orders (customer) VALUES ($1) RETURNING id', [customer]);
    orderId = rows[0].id;
    for (const [i, line] of cleanLines.entries()) {
      await client.query('INSERT INTO order_lines (order_id, line_no, sku, quantity) VALUES ($1, $2, $3, $4)', [
        orderId,
        i + 1,
        line.sku,
        line.quantity,
      ]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  // WRONG: the event is written in a second transaction, after the order was committed. If this
  // INSERT fails (or the process dies here), the order stays and its event never exists.
  const payload = { orderId, customer, lines: cleanLines };
  await pool.query('INSERT INTO outbox (type, payload) VALUES ($1, $2)', ['order.created', JSON.stringify(payload)]);
  return { id: orderId, customer, lines: cleanLines };
}

module.exports = { createOrder };
