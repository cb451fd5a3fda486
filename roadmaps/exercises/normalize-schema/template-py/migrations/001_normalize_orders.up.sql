-- Migration 001 (up): split orders_flat into customers, products, orders, order_items, tags and
-- order_tags (third normal form), move every row over, then drop orders_flat. See README.md.
-- The runner wraps this file in one transaction: no BEGIN/COMMIT here.

-- TODO 1: CREATE TABLE customers: id (generated primary key), email (required), name (required).
--         No two customers may share an email, whatever its case.

-- TODO 2: CREATE TABLE products: id (generated primary key), sku (required, unique), name (required),
--         price_cents (required, never negative).

-- TODO 3: CREATE TABLE orders: id (the old order_no, primary key), customer_id (required, points at
--         customers), ordered_at (required timestamp).

-- TODO 4: CREATE TABLE order_items: order_id and product_id (required, each points at its table;
--         a product with order lines cannot be deleted), quantity (required, above 0),
--         unit_price_cents (required, never negative: the price paid on that order),
--         primary key (order_id, product_id).

-- TODO 5: CREATE TABLE tags (id, name unique) and order_tags (order_id, tag_id, both foreign keys,
--         primary key (order_id, tag_id)).

-- TODO 6: copy the data: customers (one per lower-cased email), products (one per sku, today's price
--         from its most recent order), orders, order_items, tags and order_tags.

-- TODO 7: DROP TABLE orders_flat;
