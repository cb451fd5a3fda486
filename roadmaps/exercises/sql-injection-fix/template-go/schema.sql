-- The shop's tables. The program runs this file when it starts, so an empty database is enough.
CREATE TABLE IF NOT EXISTS products (
  id integer PRIMARY KEY,
  name text NOT NULL,
  price integer NOT NULL, -- in cents
  published boolean NOT NULL DEFAULT true
);

CREATE TABLE IF NOT EXISTS reviews (
  id serial PRIMARY KEY,
  product_id integer NOT NULL REFERENCES products (id),
  author text NOT NULL,
  body text NOT NULL
);

-- Nothing the API shows: what an attacker would like to read.
CREATE TABLE IF NOT EXISTS staff (
  id serial PRIMARY KEY,
  email text NOT NULL,
  api_key text NOT NULL
);
