// Writes an order, its lines and its outbox row.

async function createOrder({ pool }, { customer, lines }) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('INSERT INTO orders (customer) VALUES ($1) RETURNING id', [customer]);
    const orderId = rows[0].id;
    const cleanLines = lines.map(({ sku, quantity }) => ({ sku, quantity }));
    const payload = { orderId, customer, lines: cleanLines };
    await client.query('INSERT INTO outbox (type, payload) VALUES ($1, $2)', ['order.created', JSON.stringify(payload)]);
    await client.query('COMMIT');
    // WRONG: the lines are inserted after COMMIT, each in its own autocommitted statement. When the
    // CHECK refuses one, the order, its event and the lines before it are already kept.
    for (const [i, line] of cleanLines.entries()) {
      await pool.query('INSERT INTO order_lines (order_id, line_no, sku, quantity) VALUES ($1, $2, $3, $4)', [
        orderId,
        i + 1,
        line.sku,
        line.quantity,
      ]);
    }
    return { id: orderId, customer, lines: cleanLines };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

module.exports = { createOrder };
