-- The indexes for the two queries in the README.

-- WRONG: the right columns in the wrong order; one customer's orders are scattered over the index.
CREATE INDEX orders_created_at_customer_id_idx ON orders (created_at, customer_id);

CREATE INDEX customers_lower_email_idx ON customers (lower(email));
