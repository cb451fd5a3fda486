-- The indexes for the two queries in the README.

-- WRONG: CONCURRENTLY cannot run inside the transaction the migration runs in.
CREATE INDEX CONCURRENTLY orders_customer_id_created_at_idx ON orders (customer_id, created_at);

CREATE INDEX customers_lower_email_idx ON customers (lower(email));
