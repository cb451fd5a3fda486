-- Migration 001 (up): create the users and orders tables (PostgreSQL).
-- The runner (main.go) runs this file in a transaction: no BEGIN/COMMIT here.

CREATE TABLE users (
  id         INTEGER PRIMARY KEY,
  email      VARCHAR(254) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Unique however it is capitalised: Ada@Example.com and ada@example.com are one mailbox.
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

CREATE TABLE orders (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  total_cents INTEGER NOT NULL CONSTRAINT total_cents_not_negative CHECK (total_cents >= 0),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX orders_user_id ON orders (user_id);
