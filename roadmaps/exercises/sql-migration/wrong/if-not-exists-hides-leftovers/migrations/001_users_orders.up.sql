-- Migration 001 (up): create the users and orders tables.
-- WRONG: IF NOT EXISTS lets a second up "succeed" on the old orders table that down left behind.
-- Portable SQL: runs on PostgreSQL and on SQLite.
-- The test runner wraps this file in a transaction: no BEGIN/COMMIT here.

-- INTEGER PRIMARY KEY is the one id form both engines accept; SQLite also auto-numbers it.
CREATE TABLE IF NOT EXISTS users (
  id         INTEGER PRIMARY KEY,
  email      VARCHAR(320) NOT NULL UNIQUE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS orders (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- Money as whole cents: integers add up exactly, floats do not.
  total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Neither engine indexes a foreign key column by itself; lookups and cascades need this one.
CREATE INDEX IF NOT EXISTS orders_user_id_idx ON orders (user_id);
