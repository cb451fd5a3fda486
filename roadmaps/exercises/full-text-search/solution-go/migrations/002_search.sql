-- The words of title and body, stemmed the English way ("running" -> "run"), title words weighted A
-- and body words B. GENERATED ... STORED: PostgreSQL recomputes it on every INSERT and UPDATE.
ALTER TABLE articles
  ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
  ) STORED;

-- A GIN index maps each word to the rows that contain it, which is what @@ asks.
CREATE INDEX articles_search_idx ON articles USING gin (search);
