// The HTTP API (done for you), on net/http. It applies migrations/*.sql when it starts, then serves.
// Every answer is JSON; errors are {"error": "..."}:
//
//	GET /customers/{id}/orders   the customer's 10 newest orders: [{"id", "totalCents"}]
//	GET /customers?email=...     the customer with that email, whatever its case: {"id", "email"} (404)
//
// The two queries are below, exactly as the README shows them; your part is the indexes that make
// them fast, in migrations/002_indexes.sql. Run it with `go run .`. Configuration comes from the
// environment:
//
//	PORT, HOST     where to listen (8080, 127.0.0.1)
//	DATABASE_URL   the PostgreSQL to use (postgres://localhost:5432/postgres)
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

const (
	newestOrders    = `SELECT id, total_cents FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 10`
	customerByEmail = `SELECT id, email FROM customers WHERE lower(email) = lower($1)`
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

type order struct {
	ID         int `json:"id"`
	TotalCents int `json:"totalCents"`
}

type customer struct {
	ID    int    `json:"id"`
	Email string `json:"email"`
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
	mux.HandleFunc("GET /customers/{id}/orders", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.Atoi(r.PathValue("id"))
		if err != nil {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "No such customer"})
			return
		}
		rows, err := db.Query(r.Context(), newestOrders, id)
		if err != nil {
			fail(w, r, err)
			return
		}
		orders, err := pgx.CollectRows(rows, pgx.RowToStructByPos[order])
		if err != nil {
			fail(w, r, err)
			return
		}
		if orders == nil {
			orders = []order{} // [] in JSON, not null
		}
		writeJSON(w, http.StatusOK, orders)
	})
	mux.HandleFunc("GET /customers", func(w http.ResponseWriter, r *http.Request) {
		var c customer
		err := db.QueryRow(r.Context(), customerByEmail, r.URL.Query().Get("email")).Scan(&c.ID, &c.Email)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "No customer with that email"})
		case err != nil:
			fail(w, r, err)
		default:
			writeJSON(w, http.StatusOK, c)
		}
	})

	addr := net.JoinHostPort(env("HOST", "127.0.0.1"), env("PORT", "8080"))
	log.Printf("Listening on http://%s/customers/1/orders", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}
