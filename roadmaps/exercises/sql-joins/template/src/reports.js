// The three reports. Each gets `db` (a pg Pool: `const { rows } = await db.query(sql, params)`) and
// returns an array of plain objects, which the API sends as JSON. The tables are in the README.

// Every customer, also those with no paid order, as
//   { id, name, orderCount, totalCents }
// counting and summing only orders whose status is 'paid'; a customer without one has 0 and 0.
// Sorted by totalCents, highest first; equal totals by id, lowest first.
async function customerSummary(db) {
  // TODO: one query: customers LEFT JOIN orders, with the status condition in the right place,
  // GROUP BY the customer, COUNT of a column of orders and COALESCE(SUM(...), 0).
  // Note: PostgreSQL's COUNT and SUM return bigint, which pg hands you as a string.
  throw new Error('TODO: customerSummary is not written yet');
}

// Every order that belongs to a customer (guest orders, whose customer_id is NULL, are left out), as
//   { id, customerName, totalCents, status }
// whatever its status, sorted by order id.
async function ordersWithCustomers(db) {
  // TODO: orders INNER JOIN customers.
  throw new Error('TODO: ordersWithCustomers is not written yet');
}

// The customers who never placed an order, paid or cancelled, as { id, name }, sorted by id.
async function customersWithoutOrders(db) {
  // TODO: an anti-join: LEFT JOIN ... WHERE orders.id IS NULL, or WHERE NOT EXISTS (...).
  throw new Error('TODO: customersWithoutOrders is not written yet');
}

module.exports = { customerSummary, ordersWithCustomers, customersWithoutOrders };
