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

-- Milestone 2: an index for the full-text search. It is built on exactly the expression the query
-- uses, so PostgreSQL can use it for `... @@ websearch_to_tsquery(...)`.
CREATE INDEX IF NOT EXISTS jobs_search_idx
  ON jobs USING gin (to_tsvector('english', title || ' ' || description));

-- Milestone 3: one application per candidate and job, kept by the database itself.
CREATE TABLE IF NOT EXISTS applications (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_id       bigint NOT NULL REFERENCES jobs (id),
  candidate    text   NOT NULL,                -- the sub of the candidate's token
  status       text   NOT NULL DEFAULT 'submitted',
  cover_letter text   NOT NULL,
  UNIQUE (job_id, candidate)
);

-- Milestone 4: what each candidate is told, oldest first by id.
CREATE TABLE IF NOT EXISTS notifications (
  id             bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recipient      text    NOT NULL,             -- the candidate's sub
  application_id bigint  NOT NULL REFERENCES applications (id),
  job_id         bigint  NOT NULL REFERENCES jobs (id),
  status         text    NOT NULL,
  read           boolean NOT NULL DEFAULT false
);
