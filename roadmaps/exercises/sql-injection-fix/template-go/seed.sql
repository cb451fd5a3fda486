-- Sample data to try the API by hand (the checks insert their own): psql "$DATABASE_URL" -f seed.sql
INSERT INTO products (id, name, price, published) VALUES
  (1, 'Kettle', 2500, true),
  (2, 'O''Brien''s Tea', 800, true),
  (3, 'Teapot', 3200, true),
  (4, 'Prototype blender', 9900, false)
ON CONFLICT (id) DO NOTHING;
INSERT INTO staff (email, api_key) VALUES ('root@example.com', 'sk_live_do_not_leak');
