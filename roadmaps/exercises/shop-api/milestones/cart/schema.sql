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
CREATE TABLE IF NOT EXISTS carts (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS cart_items (
  cart_id integer NOT NULL REFERENCES carts (id),
  sku text NOT NULL REFERENCES products (sku),
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  PRIMARY KEY (cart_id, sku)
);

-- TODO 3.1 A checked-out mark on carts; the table orders (the check counts its rows: keep the name)
--          with an identity id, the cart, a status and the total; and order items with the price at
--          checkout.

-- TODO 4.1 The payment events processed so far, the event id unique.

-- TODO 5.1 Idempotency keys, the key unique: the cart it was used with and the order it made.
