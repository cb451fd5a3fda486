-- Migration 001 (down): undo 001_users_orders.up.sql.
-- One statement drops both tables together, so their order does not matter; their indexes go with them.
DROP TABLE orders, users;
