-- The tables, created when the board starts (server.js runs this file before it listens).
-- IF NOT EXISTS makes it safe to run on every start.

-- Milestone 1: jobs (done). employer is the token's sub of the employer who posted it.
CREATE TABLE IF NOT EXISTS jobs (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  employer text NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  location text NOT NULL,
  remote boolean NOT NULL,
  salary_min integer NOT NULL CHECK (salary_min >= 0),
  salary_max integer NOT NULL CHECK (salary_max >= salary_min),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- TODO 2: a GIN index on the expression your search matches, for example
--   CREATE INDEX IF NOT EXISTS jobs_search_idx ON jobs USING gin (to_tsvector('english', title || ' ' || description));

-- TODO 3: CREATE TABLE IF NOT EXISTS applications (id, job_id REFERENCES jobs, candidate, status
-- (default 'submitted'), cover_letter, ...) with a UNIQUE constraint that allows one application per
-- candidate and job.

-- TODO 4: CREATE TABLE IF NOT EXISTS notifications (id, recipient, application_id, job_id, status,
-- read boolean default false, ...).
