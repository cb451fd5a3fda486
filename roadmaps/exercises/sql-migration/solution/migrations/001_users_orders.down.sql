-- Migration 001 (down): undo exactly what 001_users_orders.up.sql created.
-- orders first: it references users. Dropping a table drops its indexes too.
DROP TABLE IF EXISTS orders;
DROP TABLE IF EXISTS users;
