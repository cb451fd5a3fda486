-- The tables, created when the board starts (server.js runs this file before it listens).
-- IF NOT EXISTS makes it safe to run on every start.

-- Milestone 1: jobs. employer is the token's sub of the employer who posted it.
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

-- Milestone 2: an index on the very expression the search uses, so PostgreSQL can use it for @@.
CREATE INDEX IF NOT EXISTS jobs_search_idx ON jobs USING gin (to_tsvector('english', title || ' ' || description));

-- Milestone 3: applications, one per candidate and job (the unique constraint enforces it, even for
-- two requests at the same moment).
CREATE TABLE IF NOT EXISTS applications (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_id integer NOT NULL REFERENCES jobs (id),
  candidate text NOT NULL,
  status text NOT NULL DEFAULT 'submitted'
    CHECK (status IN ('submitted', 'reviewing', 'interview', 'offered', 'rejected')),
  cover_letter text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (job_id, candidate)
);
CREATE INDEX IF NOT EXISTS applications_candidate_idx ON applications (candidate);

-- Milestone 4: one notification per status change, for the candidate (recipient).
CREATE TABLE IF NOT EXISTS notifications (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recipient text NOT NULL,
  application_id integer NOT NULL REFERENCES applications (id),
  job_id integer NOT NULL REFERENCES jobs (id),
  status text NOT NULL,
  read boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS notifications_recipient_idx ON notifications (recipient, id);
