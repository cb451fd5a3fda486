-- The indexes for the two queries in the README.

-- Equality column first, then the sort column: the index holds each customer's orders side by side,
-- ordered by created_at, so the newest ten are read from one end without looking at the rest.
CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at);

-- An expression index: the query compares lower(email), so the index must store lower(email).
CREATE INDEX customers_lower_email_idx ON customers (lower(email));
