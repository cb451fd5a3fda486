-- Migration 001 (up): create the users and orders tables.
-- Write SQL that runs on both PostgreSQL and SQLite (see README.md).
-- The test runner wraps this file in a transaction: no BEGIN/COMMIT here.

CREATE TABLE users (
  id INTEGER PRIMARY KEY
  -- TODO: email: text, required (NOT NULL) and unique
  -- TODO: created_at: a timestamp, required, defaulting to the current time
);

-- TODO: CREATE TABLE orders with
--   id           primary key
--   user_id      required, references users (id), and deleting a user deletes their orders
--   total_cents  integer, required, never negative
--   created_at   like users.created_at

-- TODO: an index on orders (user_id), so "all orders of a user" does not scan the whole table
