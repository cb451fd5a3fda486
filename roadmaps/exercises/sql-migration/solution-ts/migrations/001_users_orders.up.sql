-- Migration 001 (up): users, and the orders that belong to them.
-- Portable: PostgreSQL and SQLite both run it. The runner adds the transaction around it.

CREATE TABLE users (
  id         INTEGER NOT NULL,
  email      TEXT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  CONSTRAINT users_pkey PRIMARY KEY (id),
  CONSTRAINT users_email_unique UNIQUE (email)
);

CREATE TABLE orders (
  id          INTEGER NOT NULL,
  user_id     INTEGER NOT NULL,
  total_cents INTEGER NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  CONSTRAINT orders_pkey PRIMARY KEY (id),
  CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT orders_total_cents_check CHECK (total_cents >= 0)
);

-- user_id first, so it serves lookups by user and the cascade on delete.
CREATE INDEX orders_by_user ON orders (user_id, id);
