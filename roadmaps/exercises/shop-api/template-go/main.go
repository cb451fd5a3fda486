// The shop API: main starts it (done for you). The routes are in app.go; the handlers you write are
// in catalog.go (milestone 1), carts.go (2), checkout.go (3 and 5) and payments.go (4); the tables in
// schema.sql.
//
// Configuration comes from the environment (the checks set their own):
//
//	PORT, HOST       where to listen (8080, 127.0.0.1)
//	DATABASE_URL     the PostgreSQL database (postgres://localhost:5432/postgres)
//	WEBHOOK_SECRET   the secret the payment provider signs its webhooks with (milestone 4)
package main

import (
	"context"
	_ "embed"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed schema.sql
var schema string

// devSecret is for trying the API by hand only: a real secret comes from configuration, never the
// code.
const devSecret = "whsec_dev_only_change_me"

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func main() {
	ctx := context.Background()
	config, err := pgxpool.ParseConfig(getenv("DATABASE_URL", "postgres://localhost:5432/postgres"))
	if err != nil {
		log.Fatalf("DATABASE_URL: %v", err)
	}
	// At most 10 connections: more requests than that wait for a free one.
	config.MaxConns = 10
	db, err := pgxpool.NewWithConfig(ctx, config)
	if err != nil {
		log.Fatalf("DATABASE_URL: %v", err)
	}
	defer db.Close()

	// The tables exist before the first request arrives. Without arguments, Exec may run several
	// statements at once.
	if _, err := db.Exec(ctx, schema); err != nil {
		log.Fatalf("creating the tables: %v", err)
	}

	app := &App{db: db, webhookSecret: []byte(getenv("WEBHOOK_SECRET", devSecret))}
	// The checks start the program with PORT (and HOST) set, then wait until it listens there.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{Addr: addr, Handler: app.routes(), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Listening on http://%s (try: curl -i %s/products)", addr, addr)
	log.Fatal(server.ListenAndServe())
}
