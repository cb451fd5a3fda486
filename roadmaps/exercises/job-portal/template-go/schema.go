// The tables, created when the program starts (CREATE ... IF NOT EXISTS: starting twice is fine).
package main

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

var schema = []string{
	// Milestone 1 (done)
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
	// TODO (milestone 2): a GIN index on the expression your search matches,
	// to_tsvector('english', title || ' ' || description).

	// TODO (milestone 3): the applications table (id, job_id, candidate, status, cover_letter), with
	// a constraint that makes a second application of the same candidate to the same job impossible.

	// TODO (milestone 4): the notifications table (who it is for, application_id, job_id, status, read).
}

func createTables(ctx context.Context, db *pgxpool.Pool) error {
	for _, statement := range schema {
		if _, err := db.Exec(ctx, statement); err != nil {
			return err
		}
	}
	return nil
}
