-- The customers table. The test helper (test/db.js) applies every file in migrations/, in name
-- order, to a fresh schema at the start of each test file.
CREATE TABLE customers (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  -- timestamptz stores an instant: a time given with any offset comes back as the same moment.
  signed_up_at timestamptz NOT NULL
);

-- One customer per email address, whatever its case: Ada@Example.com and ada@example.com are the same.
CREATE UNIQUE INDEX customers_email_key ON customers (lower(email));
