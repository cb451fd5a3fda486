-- The words of title and body, stemmed the English way ("running" -> "run"), title words weighted A
-- and body words B. GENERATED ... STORED: PostgreSQL recomputes it on every INSERT and UPDATE.
ALTER TABLE articles
  ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')
  ) STORED;

-- WRONG: 'simple' lower-cases words but does not stem them, so running never meets runs.

-- A GIN index maps each word to the rows that contain it, which is what @@ asks.
CREATE INDEX articles_search_idx ON articles USING gin (search);
