-- WRONG: a plain column filled once: articles added or changed later have a stale or NULL vector.
ALTER TABLE articles ADD COLUMN search tsvector;
UPDATE articles
   SET search = setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B');

CREATE INDEX articles_search_idx ON articles USING gin (search);
