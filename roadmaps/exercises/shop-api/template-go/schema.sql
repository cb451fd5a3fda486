-- The shop's tables. main.go runs this file every time the program starts, before it listens;
-- IF NOT EXISTS makes that safe to repeat. Ids come from identity columns, so in a fresh database
-- the first product, cart and order are each number 1. Keep the names products (with its columns)
-- and orders: some checks read them with SQL. Name everything else as you like.

-- Milestone 1: the catalogue (done). Prices are whole cents, never floats.
CREATE TABLE IF NOT EXISTS products (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku text NOT NULL UNIQUE,
  name text NOT NULL,
  price_cents integer NOT NULL CHECK (price_cents > 0),
  stock integer NOT NULL CHECK (stock >= 0)
);

-- TODO 2.1: the carts, and their lines: a cart id, a product and a quantity (1 to 99), one line
--   per product in a cart (a primary key or UNIQUE on the pair, which ON CONFLICT needs). No price:
--   prices are read from products when the cart is read.

-- TODO 3.1: orders (id from an identity column, status, total_cents), their items (sku, quantity
--   and the price at checkout), and a mark on carts that says a cart was checked out (for example
--   ALTER TABLE carts ADD COLUMN IF NOT EXISTS order_id integer).

-- TODO 4.1: the ids of the payment events already processed, the id a PRIMARY KEY (or UNIQUE), so a
--   second delivery of the same event cannot be recorded twice, even when both arrive at once.

-- TODO 5.1: Idempotency-Key values: the key unique, with the cart it was first used with and the
--   order it made.
