-- Migration 001 (down): the reverse of up, in reverse order.
DROP INDEX IF EXISTS orders_by_user;
DROP TABLE IF EXISTS orders;
DROP TABLE IF EXISTS users;
