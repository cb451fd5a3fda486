-- Migration 001 (down): undo exactly what 001_users_orders.up.sql created.
-- WRONG: users goes with CASCADE (only orders' foreign key goes with it); orders stays behind.
DROP TABLE IF EXISTS users CASCADE;
