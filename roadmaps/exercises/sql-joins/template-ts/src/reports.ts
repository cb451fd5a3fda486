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
  // TODO: one query: customers LEFT JOIN orders, with the status condition in the right place,
  // GROUP BY the customer, COUNT of a column of orders and COALESCE(SUM(...), 0).
  // Note: PostgreSQL's COUNT and SUM return bigint, which pg hands you as a string.
  throw new Error('TODO: customerSummary is not written yet');
}

// Every order that belongs to a customer (guest orders, whose customer_id is NULL, are left out),
// whatever its status, sorted by order id.
export async function ordersWithCustomers(db: Db): Promise<OrderWithCustomer[]> {
  // TODO: orders INNER JOIN customers.
  throw new Error('TODO: ordersWithCustomers is not written yet');
}

// The customers who never placed an order, paid or cancelled, sorted by id.
export async function customersWithoutOrders(db: Db): Promise<Customer[]> {
  // TODO: an anti-join: LEFT JOIN ... WHERE orders.id IS NULL, or WHERE NOT EXISTS (...).
  throw new Error('TODO: customersWithoutOrders is not written yet');
}
