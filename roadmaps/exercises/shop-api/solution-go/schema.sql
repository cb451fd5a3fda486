-- The shop's tables. main.go runs this file every time the program starts, before it listens;
-- IF NOT EXISTS makes that safe to repeat. Ids come from identity columns, so in a fresh
-- database the first product, cart and order are each number 1.

-- Milestone 1: the catalogue. Prices are whole cents, never floats.
CREATE TABLE IF NOT EXISTS products (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku text NOT NULL UNIQUE,
  name text NOT NULL,
  price_cents integer NOT NULL CHECK (price_cents > 0),
  stock integer NOT NULL CHECK (stock >= 0)
);

-- Milestone 2: carts and their lines. A line holds a quantity, not a price: prices are read from
-- products whenever the cart is read. order_id is set when the cart is checked out (milestone 3).
CREATE TABLE IF NOT EXISTS carts (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id integer
);
CREATE TABLE IF NOT EXISTS cart_items (
  cart_id integer NOT NULL REFERENCES carts (id),
  product_id integer NOT NULL REFERENCES products (id),
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  PRIMARY KEY (cart_id, product_id)
);

-- Milestone 3: orders. An order keeps the price each line was sold at.
CREATE TABLE IF NOT EXISTS orders (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cart_id integer NOT NULL UNIQUE REFERENCES carts (id),
  status text NOT NULL,
  total_cents integer NOT NULL
);
CREATE TABLE IF NOT EXISTS order_items (
  order_id integer NOT NULL REFERENCES orders (id),
  product_id integer NOT NULL REFERENCES products (id),
  sku text NOT NULL,
  quantity integer NOT NULL,
  price_cents integer NOT NULL,
  PRIMARY KEY (order_id, product_id)
);

-- Milestone 4: the ids of the payment events already processed. The primary key is what makes a
-- second delivery of the same event detectable, even when both arrive at once.
CREATE TABLE IF NOT EXISTS payment_events (
  id text PRIMARY KEY,
  order_id integer NOT NULL REFERENCES orders (id),
  type text NOT NULL
);

-- Milestone 5: Idempotency-Key values, each bound to the cart it was first used with and the order
-- it produced.
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key text PRIMARY KEY,
  cart_id integer NOT NULL REFERENCES carts (id),
  order_id integer NOT NULL REFERENCES orders (id)
);
