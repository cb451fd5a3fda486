-- Migration 001 (down): undo exactly what 001_users_orders.up.sql created.
-- WRONG: CASCADE drops only the foreign key constraint on orders, not the orders table itself.
DROP TABLE IF EXISTS users CASCADE;
