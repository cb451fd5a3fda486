-- The indexes for the two queries in the README.

CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at);

-- WRONG: the query compares lower(email); an index on email is never used for it.
CREATE UNIQUE INDEX customers_email_idx ON customers (email);
