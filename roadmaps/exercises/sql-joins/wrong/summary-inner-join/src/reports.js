// The three reports. Each gets `db` (a pg Pool: `const { rows } = await db.query(sql, params)`) and
// returns an array of plain objects, which the API sends as JSON. The tables are in the README.

// Every customer, also those with no paid order, as
//   { id, name, orderCount, totalCents }
// counting and summing only orders whose status is 'paid'; a customer without one has 0 and 0.
// Sorted by totalCents, highest first; equal totals by id, lowest first.
async function customerSummary(db) {
  // The status test sits in ON: in WHERE it would throw away the customers LEFT JOIN kept.
  // COUNT(o.id) skips the NULL row of a customer without orders; COUNT(*) would count it as 1.
  const { rows } = await db.query(`
    SELECT c.id, c.name,
           COUNT(o.id) AS order_count,
           COALESCE(SUM(o.total_cents), 0) AS total_cents
      FROM customers c
      -- WRONG: an INNER JOIN keeps only customers with a paid order
      JOIN orders o ON o.customer_id = c.id AND o.status = 'paid'
     GROUP BY c.id, c.name
     ORDER BY total_cents DESC, c.id`);
  // COUNT and SUM are bigint, which pg returns as strings so no digit is lost.
  return rows.map((r) => ({ id: r.id, name: r.name, orderCount: Number(r.order_count), totalCents: Number(r.total_cents) }));
}

// Every order that belongs to a customer (guest orders, whose customer_id is NULL, are left out), as
//   { id, customerName, totalCents, status }
// whatever its status, sorted by order id.
async function ordersWithCustomers(db) {
  const { rows } = await db.query(`
    SELECT o.id, c.name AS customer_name, o.total_cents, o.status
      FROM orders o
      JOIN customers c ON c.id = o.customer_id
     ORDER BY o.id`);
  return rows.map((r) => ({ id: r.id, customerName: r.customer_name, totalCents: r.total_cents, status: r.status }));
}

// The customers who never placed an order, paid or cancelled, as { id, name }, sorted by id.
async function customersWithoutOrders(db) {
  // NOT EXISTS, not NOT IN: one guest order (customer_id NULL) makes NOT IN (...) match nobody.
  const { rows } = await db.query(`
    SELECT c.id, c.name
      FROM customers c
     WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)
     ORDER BY c.id`);
  return rows;
}

module.exports = { customerSummary, ordersWithCustomers, customersWithoutOrders };
