-- Migration 001 (down): undo exactly what 001_users_orders.up.sql created.
-- WRONG: users is dropped while orders still references it; PostgreSQL refuses (SQLite would not).
DROP TABLE IF EXISTS users;
DROP TABLE IF EXISTS orders;
