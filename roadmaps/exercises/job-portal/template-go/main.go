// The job board: main (done) connects to PostgreSQL, creates the tables (schema.go) and serves the
// routes of app.go. Run it with `go run .`. Configuration comes from the environment:
//
//	PORT, HOST     where to listen (8080, 127.0.0.1)
//	DATABASE_URL   the PostgreSQL database to use (postgres://localhost:5432/postgres)
//	JWT_SECRET     the secret the tokens are signed with (HS256)
package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// devSecret is for trying the API by hand only: a real secret comes from configuration, never the
// code. The checks set JWT_SECRET to their own.
const devSecret = "dev-only-secret-change-me-0123456789abcdef"

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func main() {
	ctx := context.Background()
	// The pool connects when the first query needs a connection (at most 10 at once).
	config, err := pgxpool.ParseConfig(env("DATABASE_URL", "postgres://localhost:5432/postgres"))
	if err != nil {
		log.Fatalf("DATABASE_URL: %v", err)
	}
	config.MaxConns = 10
	db, err := pgxpool.NewWithConfig(ctx, config)
	if err != nil {
		log.Fatalf("DATABASE_URL: %v", err)
	}
	defer db.Close()

	// The tables exist before the first request: create them, then listen.
	if err := createTables(ctx, db); err != nil {
		log.Fatalf("creating the tables: %v", err)
	}

	addr := net.JoinHostPort(env("HOST", "127.0.0.1"), env("PORT", "8080"))
	server := &http.Server{Addr: addr, Handler: newApp(db, env("JWT_SECRET", devSecret)), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Listening on http://%s/jobs", addr)
	log.Fatal(server.ListenAndServe())
}
