-- The tables, created when the program starts (before it listens), by create_tables() in db.py.
-- IF NOT EXISTS makes it safe to run every time. Ids come from identity columns:
--   id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY
-- so they are 1, 2, 3... in a fresh database.
--
-- The check reads two tables directly (sql steps), so their names and these columns are fixed:
--   products (id, sku, name, price_cents, stock)     orders (id, ...)
-- Everything else (more columns, other tables) is up to you.

-- Milestone 1: the catalog (done). The check reads and writes this table with SQL: keep its name
-- and columns. There is no CHECK on stock on purpose: your checkout must keep it from going below 0.
CREATE TABLE IF NOT EXISTS products (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku         text NOT NULL UNIQUE,
  name        text NOT NULL,
  price_cents integer NOT NULL CHECK (price_cents > 0),
  stock       integer NOT NULL
);

-- TODO (milestone 2): carts (just an id is enough) and cart_items (cart, product, quantity; one line
--   per product in a cart: a primary key on both). No price in a line: prices are read from products.

-- TODO (milestone 3): orders (id, cart, status, total_cents) and order_items (order, product, sku,
--   quantity, price_cents: the price it was sold at). A UNIQUE cart in orders: one order per cart.

-- TODO (milestone 4): payment_events: the id of every event handled (PRIMARY KEY: never twice).

-- TODO (milestone 5): idempotency_keys: key (PRIMARY KEY), the cart it belongs to, the order it made.
