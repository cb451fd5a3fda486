// Writes an order. Read the README first: the order, its lines and its outbox row must be written
// in ONE transaction, so either all of them are kept or none is.
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
  // TODO: take one client from the pool (pool.connect()) and run BEGIN on it.
  // TODO: all the INSERTs below on that client, then one INSERT INTO outbox (type, payload) with the
  //       type 'order.created' and the payload { orderId, customer, lines } (see the README).
  // TODO: COMMIT; on any error ROLLBACK and throw it again; always release the client.
  const { rows } = await pool.query<{ id: number }>('INSERT INTO orders (customer) VALUES ($1) RETURNING id', [customer]);
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
