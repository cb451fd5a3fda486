-- The indexes for the two queries in the README.

-- WRONG: the customer and a column of the answer, not the sort column: the orders still need a Sort.
CREATE INDEX orders_customer_id_total_cents_idx ON orders (customer_id, total_cents);

CREATE INDEX customers_lower_email_idx ON customers (lower(email));
