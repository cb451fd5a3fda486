// Writes the order and publishes its event straight away, after COMMIT.

async function createOrder({ pool, broker }, { customer, lines }) {
  const client = await pool.connect();
  let orderId;
  const cleanLines = lines.map(({ sku, quantity }) => ({ sku, quantity }));
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
    const payload = { orderId, customer, lines: cleanLines };
    const { rows: outbox } = await client.query('INSERT INTO outbox (type, payload, sent_at) VALUES ($1, $2, now()) RETURNING id', [
      'order.created',
      JSON.stringify(payload),
    ]);
    await client.query('COMMIT');
    // WRONG: publishes in the request instead of leaving it to the relay (the row is stored as already
    // sent). While the broker is down the event is lost: the order is kept, nobody hears of it.
    try {
      await broker.publish({ id: Number(outbox[0].id), type: 'order.created', payload });
    } catch (err) {
      console.error(`could not publish: ${err.message}`);
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  return { id: orderId, customer, lines: cleanLines };
}

module.exports = { createOrder };
