-- The shop's tables, created at every start (server.js runs this file before it listens).
-- Only CREATE ... IF NOT EXISTS: the file runs again on a database that already has the tables.

-- Milestone 1 (done). The check reads and writes this table with SQL: keep its name and columns.
-- There is no CHECK on stock on purpose: your checkout must keep it from going below 0.
CREATE TABLE IF NOT EXISTS products (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku text NOT NULL UNIQUE,
  name text NOT NULL,
  price_cents integer NOT NULL CHECK (price_cents > 0),
  stock integer NOT NULL
);

-- 2.1 Carts and their lines: a line is a cart, a sku and a quantity (the price is read from products).
-- 3.1 checked_out_at: set in the checkout transaction; a cart checks out once.
CREATE TABLE IF NOT EXISTS carts (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  checked_out_at timestamptz
);

CREATE TABLE IF NOT EXISTS cart_items (
  cart_id integer NOT NULL REFERENCES carts (id),
  sku text NOT NULL REFERENCES products (sku),
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  PRIMARY KEY (cart_id, sku)
);

-- 3.1 Orders (the check counts the rows of this table) and their items, with the price at checkout.
CREATE TABLE IF NOT EXISTS orders (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cart_id integer NOT NULL UNIQUE REFERENCES carts (id),
  status text NOT NULL CHECK (status IN ('pending_payment', 'paid', 'payment_failed')),
  total_cents integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS order_items (
  order_id integer NOT NULL REFERENCES orders (id),
  sku text NOT NULL REFERENCES products (sku),
  quantity integer NOT NULL CHECK (quantity > 0),
  price_cents integer NOT NULL,
  PRIMARY KEY (order_id, sku)
);

-- 4.1 Every payment event processed, once: the primary key refuses a second row with the same id.
CREATE TABLE IF NOT EXISTS payment_events (
  id text PRIMARY KEY,
  order_id integer NOT NULL REFERENCES orders (id),
  type text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- 5.1 Idempotency keys: a key belongs to one cart and remembers the order its checkout made.
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key text PRIMARY KEY,
  cart_id integer NOT NULL REFERENCES carts (id),
  order_id integer NOT NULL REFERENCES orders (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
