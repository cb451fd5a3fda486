-- Migration 001 (down): undo 001_users_orders.up.sql, dependents first.
-- The index and the identity sequences belong to their tables and go with them.
DROP TABLE orders;
DROP TABLE users;
