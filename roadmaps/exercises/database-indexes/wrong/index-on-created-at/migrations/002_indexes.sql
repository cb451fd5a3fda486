-- The indexes for the two queries in the README.

-- WRONG: the sort column alone; the planner walks the index from the newest end and filters.
CREATE INDEX orders_created_at_idx ON orders (created_at);

CREATE INDEX customers_lower_email_idx ON customers (lower(email));
