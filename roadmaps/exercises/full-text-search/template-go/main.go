// The HTTP API (done for you), on net/http. It applies migrations/*.sql when it starts, then serves.
// Every answer is JSON; errors are {"error": "..."}:
//
//	GET /search?q=...   the 10 best matching articles, best first: [{"id", "title"}]
//	                    (400 when q is missing or blank)
//
// The search itself is in search.go. Run it with `go run .`. Configuration comes from the
// environment:
//
//	PORT, HOST     where to listen (8080, 127.0.0.1)
//	DATABASE_URL   the PostgreSQL to use (postgres://localhost:5432/postgres)
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

// migrate applies migrations/*.sql in name order, each file in its own transaction together with its
// row in schema_migrations, so a file that fails leaves nothing behind and stops the start.
func migrate(ctx context.Context, db *pgxpool.Pool) error {
	if _, err := db.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY)`); err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join("migrations", "*.sql"))
	if err != nil {
		return err
	}
	slices.Sort(files)
	for _, file := range files {
		name := filepath.Base(file)
		sql, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		err = pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
			var done bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)`, name).Scan(&done); err != nil || done {
				return err
			}
			// Exec without arguments sends the text as is, so a file may hold many statements.
			if _, err := tx.Exec(ctx, string(sql)); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, name)
			if err == nil {
				log.Printf("applied %s", name)
			}
			return err
		})
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, value any) {
	w.Header().Set("content-type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(value)
}

func fail(w http.ResponseWriter, r *http.Request, err error) {
	log.Printf("%s: %v", r.URL, err)
	writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
}

func main() {
	ctx := context.Background()
	db, err := pgxpool.New(ctx, env("DATABASE_URL", "postgres://localhost:5432/postgres"))
	if err != nil {
		log.Fatalf("DATABASE_URL: %v", err)
	}
	defer db.Close()
	if err := migrate(ctx, db); err != nil {
		log.Fatalf("Could not start: %v", err)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /search", func(w http.ResponseWriter, r *http.Request) {
		q := strings.TrimSpace(r.URL.Query().Get("q"))
		if q == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "q is required"})
			return
		}
		hits, err := Search(r.Context(), db, q)
		if err != nil {
			fail(w, r, err)
			return
		}
		if hits == nil {
			hits = []Hit{} // [] in JSON, not null
		}
		writeJSON(w, http.StatusOK, hits)
	})

	addr := net.JoinHostPort(env("HOST", "127.0.0.1"), env("PORT", "8080"))
	log.Printf("Listening on http://%s/search?q=postgres", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}
