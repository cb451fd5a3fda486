// A small migration runner (done for you): applies the SQL files in migrations/ to PostgreSQL.
//
//	go run . up      apply every migration not applied yet, oldest first
//	go run . down    undo the newest applied migration
//	go run . status  list the migrations and whether each is applied
//
// It connects to the database in the DATABASE_URL environment variable
// (postgres://localhost:5432/postgres if unset). Each file runs in its own transaction together with
// its row in the schema_migrations table, so a file that fails leaves nothing half done and is not
// recorded. Your part is the SQL in migrations/.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

const migrationsDir = "migrations"

// Two runners started at once (two deploys, two terminals) must not apply the same file twice: each
// transaction first takes this lock, so they wait for each other.
const lockID = 4210001

// migrations lists the versions found in migrations/: "001_normalize_orders" for 001_normalize_orders.up.sql.
func migrations() ([]string, error) {
	files, err := filepath.Glob(filepath.Join(migrationsDir, "*.up.sql"))
	if err != nil {
		return nil, err
	}
	versions := make([]string, 0, len(files))
	for _, f := range files {
		versions = append(versions, strings.TrimSuffix(filepath.Base(f), ".up.sql"))
	}
	slices.Sort(versions)
	return versions, nil
}

func applied(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	rows, err := conn.Query(ctx, "SELECT version FROM schema_migrations ORDER BY version")
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

func runFile(ctx context.Context, conn *pgx.Conn, version, direction string) error {
	sql, err := os.ReadFile(filepath.Join(migrationsDir, version+"."+direction+".sql"))
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", lockID); err != nil {
			return err
		}
		// Without arguments pgx sends the text as is (the simple protocol), so a file may hold many statements.
		if _, err := tx.Exec(ctx, string(sql)); err != nil {
			return err
		}
		record := "DELETE FROM schema_migrations WHERE version = $1"
		if direction == "up" {
			record = "INSERT INTO schema_migrations (version) VALUES ($1)"
		}
		_, err := tx.Exec(ctx, record, version)
		return err
	})
}

// describe adds PostgreSQL's DETAIL to an error, as psql shows it.
func describe(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Detail != "" {
		return fmt.Sprintf("%s\nDETAIL:  %s", err, pgErr.Detail)
	}
	return err.Error()
}

func run(command string) int {
	if command != "up" && command != "down" && command != "status" {
		fmt.Fprintln(os.Stderr, "usage: go run . up|down|status")
		return 2
	}
	url := os.Getenv("DATABASE_URL")
	if url == "" {
		url = "postgres://localhost:5432/postgres"
	}
	ctx := context.Background()
	connectCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(connectCtx, url)
	if err != nil {
		fmt.Fprintf(os.Stderr, "cannot connect to PostgreSQL (DATABASE_URL): %v\n", err)
		return 1
	}
	defer conn.Close(ctx)

	_, err = conn.Exec(ctx, "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
	if err != nil {
		fmt.Fprintf(os.Stderr, "cannot create schema_migrations: %v\n", err)
		return 1
	}
	done, err := applied(ctx, conn)
	if err != nil {
		fmt.Fprintf(os.Stderr, "cannot read schema_migrations: %v\n", err)
		return 1
	}
	all, err := migrations()
	if err != nil {
		fmt.Fprintf(os.Stderr, "cannot list %s: %v\n", migrationsDir, err)
		return 1
	}
	type step struct{ version, direction string }
	var steps []step
	switch command {
	case "status":
		for _, v := range all {
			state := "pending"
			if slices.Contains(done, v) {
				state = "applied"
			}
			fmt.Printf("%s  %s\n", state, v)
		}
		return 0
	case "up":
		for _, v := range all {
			if !slices.Contains(done, v) {
				steps = append(steps, step{v, "up"})
			}
		}
		if len(steps) == 0 {
			fmt.Println("nothing to apply: the database is up to date")
		}
	case "down":
		if len(done) == 0 {
			fmt.Println("nothing to undo: no migration is applied")
		} else {
			steps = append(steps, step{done[len(done)-1], "down"})
		}
	}
	for _, s := range steps {
		if err := runFile(ctx, conn, s.version, s.direction); err != nil {
			fmt.Fprintf(os.Stderr, "%s.%s.sql failed, nothing of it was kept: %s\n", s.version, s.direction, describe(err))
			return 1
		}
		if s.direction == "up" {
			fmt.Printf("applied %s\n", s.version)
		} else {
			fmt.Printf("undid %s\n", s.version)
		}
	}
	return 0
}

func main() {
	command := ""
	if len(os.Args) > 1 {
		command = os.Args[1]
	}
	os.Exit(run(command))
}
