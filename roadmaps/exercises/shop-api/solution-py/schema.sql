-- The tables, created when the program starts (before it listens). IF NOT EXISTS makes it safe to run
-- every time. Ids come from identity columns: 1, 2, 3... in a fresh database.

-- Milestone 1: the catalog (done). The check reads and writes this table with SQL: keep its name
-- and columns. There is no CHECK on stock on purpose: your checkout must keep it from going below 0.
CREATE TABLE IF NOT EXISTS products (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku         text NOT NULL UNIQUE,
  name        text NOT NULL,
  price_cents integer NOT NULL CHECK (price_cents > 0),
  stock       integer NOT NULL
);

-- Milestone 2: carts and their lines. A line holds no price: prices are read from products.
CREATE TABLE IF NOT EXISTS carts (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS cart_items (
  cart_id    bigint NOT NULL REFERENCES carts (id),
  product_id integer NOT NULL REFERENCES products (id),
  quantity   integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  PRIMARY KEY (cart_id, product_id)
);

-- Milestone 3: orders. UNIQUE (cart_id): a cart checks out once, even if two requests race.
CREATE TABLE IF NOT EXISTS orders (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cart_id     bigint NOT NULL UNIQUE REFERENCES carts (id),
  status      text NOT NULL DEFAULT 'pending_payment',
  total_cents bigint NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- An order keeps the price it was sold at: later price changes do not change it.
CREATE TABLE IF NOT EXISTS order_items (
  order_id    bigint NOT NULL REFERENCES orders (id),
  product_id  integer NOT NULL REFERENCES products (id),
  sku         text NOT NULL,
  quantity    integer NOT NULL,
  price_cents bigint NOT NULL,
  PRIMARY KEY (order_id, product_id)
);

-- Milestone 4: the payment events already handled. The primary key refuses an event id twice.
CREATE TABLE IF NOT EXISTS payment_events (
  id          text PRIMARY KEY,
  type        text NOT NULL,
  order_id    bigint NOT NULL REFERENCES orders (id),
  received_at timestamptz NOT NULL DEFAULT now()
);

-- Milestone 5: each Idempotency-Key belongs to one cart and remembers the order it made.
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key        text PRIMARY KEY,
  cart_id    bigint NOT NULL REFERENCES carts (id),
  order_id   bigint NOT NULL REFERENCES orders (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
