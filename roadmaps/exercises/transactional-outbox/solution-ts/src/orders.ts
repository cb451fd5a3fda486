// Writes an order, its lines and its outbox row in one transaction.
import type { Pool } from 'pg';
import type { Broker } from './broker';

export interface OrderLine {
  sku: string;
  quantity: number;
}

export interface Order {
  id: number;
  customer: string;
  lines: OrderLine[];
}

export async function createOrder(
  { pool }: { pool: Pool; broker?: Broker },
  { customer, lines }: { customer: string; lines: OrderLine[] },
): Promise<Order> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: number }>('INSERT INTO orders (customer) VALUES ($1) RETURNING id', [customer]);
    const orderId = rows[0].id;
    const cleanLines = lines.map(({ sku, quantity }) => ({ sku, quantity }));
    for (const [i, line] of cleanLines.entries()) {
      await client.query('INSERT INTO order_lines (order_id, line_no, sku, quantity) VALUES ($1, $2, $3, $4)', [
        orderId,
        i + 1,
        line.sku,
        line.quantity,
      ]);
    }
    const payload = { orderId, customer, lines: cleanLines };
    await client.query('INSERT INTO outbox (type, payload) VALUES ($1, $2)', ['order.created', JSON.stringify(payload)]);
    await client.query('COMMIT');
    return { id: orderId, customer, lines: cleanLines };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
