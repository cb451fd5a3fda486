-- The tables, created when the program starts (db.py runs this file; IF NOT EXISTS makes that safe).

-- Milestone 1 (done for you).
CREATE TABLE IF NOT EXISTS jobs (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  employer    text    NOT NULL,                -- the sub of the employer's token
  title       text    NOT NULL,
  description text    NOT NULL,
  location    text    NOT NULL,
  remote      boolean NOT NULL,
  salary_min  integer NOT NULL,
  salary_max  integer NOT NULL,
  status      text    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  CHECK (salary_min <= salary_max)
);

-- TODO (milestone 2): a GIN index on the document the search matches:
--   to_tsvector('english', title || ' ' || description)

-- TODO (milestone 3): CREATE TABLE IF NOT EXISTS applications (id, job_id -> jobs, candidate, status
--   'submitted' by default, cover_letter), with a UNIQUE constraint on (job_id, candidate).

-- TODO (milestone 4): CREATE TABLE IF NOT EXISTS notifications (id, recipient, application_id,
--   job_id, status, read false by default).
