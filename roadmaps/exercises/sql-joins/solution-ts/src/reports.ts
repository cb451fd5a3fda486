// The three reports. Each gets `db` (a pg Pool: `const { rows } = await db.query<Row>(sql, params)`)
// and returns an array of plain objects, which the API sends as JSON. The tables are in the README.
import type { Pool } from 'pg';

export type Db = Pick<Pool, 'query'>;

export interface CustomerSummary {
  id: number;
  name: string;
  orderCount: number;
  totalCents: number;
}

export interface OrderWithCustomer {
  id: number;
  customerName: string;
  totalCents: number;
  status: 'paid' | 'cancelled';
}

export interface Customer {
  id: number;
  name: string;
}

// Every customer, also those with no paid order, counting and summing only orders whose status is
// 'paid'; a customer without one has 0 and 0. Sorted by totalCents, highest first; equal totals by
// id, lowest first.
export async function customerSummary(db: Db): Promise<CustomerSummary[]> {
  // The paid test is part of the join: as a WHERE it would also reject the all-NULL row LEFT JOIN
  // adds for a customer without a paid order, and that customer would be gone.
  const { rows } = await db.query<{ id: number; name: string; order_count: string; total_cents: string }>(
    `SELECT c.id, c.name, COUNT(o.id) AS order_count, COALESCE(SUM(o.total_cents), 0) AS total_cents
       FROM customers AS c
       LEFT JOIN orders AS o ON o.customer_id = c.id AND o.status = 'paid'
      GROUP BY c.id
      ORDER BY 4 DESC, c.id`,
  );
  // bigint arrives as a string; these sums are far below 2^53.
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    orderCount: Number(row.order_count),
    totalCents: Number(row.total_cents),
  }));
}

// Every order that belongs to a customer (guest orders, whose customer_id is NULL, are left out),
// whatever its status, sorted by order id.
export async function ordersWithCustomers(db: Db): Promise<OrderWithCustomer[]> {
  const { rows } = await db.query<OrderWithCustomer>(
    `SELECT o.id, c.name AS "customerName", o.total_cents AS "totalCents", o.status
       FROM orders AS o
      INNER JOIN customers AS c ON c.id = o.customer_id
      ORDER BY o.id`,
  );
  return rows;
}

// The customers who never placed an order, paid or cancelled, sorted by id.
export async function customersWithoutOrders(db: Db): Promise<Customer[]> {
  // A LEFT JOIN that found nothing leaves o.id NULL; o.id is a primary key, so NULL means "no order".
  const { rows } = await db.query<Customer>(
    `SELECT c.id, c.name
       FROM customers AS c
       LEFT JOIN orders AS o ON o.customer_id = c.id
      WHERE o.id IS NULL
      ORDER BY c.id`,
  );
  return rows;
}
