-- The indexes for the two queries in the README.

-- WRONG: finds the customer's orders, but they still have to be sorted.
CREATE INDEX orders_customer_id_idx ON orders (customer_id);

CREATE INDEX customers_lower_email_idx ON customers (lower(email));
