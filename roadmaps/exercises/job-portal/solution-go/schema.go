// The tables, created when the program starts (CREATE ... IF NOT EXISTS: starting twice is fine).
package main

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

var schema = []string{
	// Milestone 1
	`CREATE TABLE IF NOT EXISTS jobs (
		id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		employer text NOT NULL,
		title text NOT NULL,
		description text NOT NULL,
		location text NOT NULL,
		remote boolean NOT NULL,
		salary_min integer NOT NULL,
		salary_max integer NOT NULL,
		status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
		CHECK (salary_min <= salary_max)
	)`,
	// Milestone 2: the same expression as in the search's WHERE, so PostgreSQL can use the index.
	`CREATE INDEX IF NOT EXISTS jobs_search ON jobs
		USING GIN (to_tsvector('english', title || ' ' || description))`,
	// Milestone 3: one application per candidate and job, enforced by the database.
	`CREATE TABLE IF NOT EXISTS applications (
		id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		job_id integer NOT NULL REFERENCES jobs (id),
		candidate text NOT NULL,
		status text NOT NULL DEFAULT 'submitted',
		cover_letter text NOT NULL,
		UNIQUE (job_id, candidate)
	)`,
	// Milestone 4
	`CREATE TABLE IF NOT EXISTS notifications (
		id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		recipient text NOT NULL,
		application_id integer NOT NULL REFERENCES applications (id),
		job_id integer NOT NULL REFERENCES jobs (id),
		status text NOT NULL,
		read boolean NOT NULL DEFAULT false
	)`,
	`CREATE INDEX IF NOT EXISTS notifications_recipient ON notifications (recipient, id)`,
}

func createTables(ctx context.Context, db *pgxpool.Pool) error {
	for _, statement := range schema {
		if _, err := db.Exec(ctx, statement); err != nil {
			return err
		}
	}
	return nil
}
