// The HTTP API (done for you), on net/http. Every answer is JSON:
//
//	GET /customers/summary          every customer with their paid orders counted and summed
//	GET /orders                     every order that belongs to a customer, with the customer's name
//	GET /customers/without-orders   the customers who never placed an order
//
// The queries are in reports.go; errors are {"error": "..."} with status 500. Run it with `go run .`.
// Configuration comes from the environment:
//
//	PORT, HOST     where to listen (8080, 127.0.0.1)
//	DATABASE_URL   the PostgreSQL that holds the customers and orders tables
//	               (postgres://localhost:5432/postgres)
package main

import (
	"context"
	"encoding/json"
	"log"
	"net"
	"net/http"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func writeJSON(w http.ResponseWriter, status int, value any) {
	w.Header().Set("content-type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(value)
}

// route answers with what report returns, or a 500 with its error.
func route[T any](db *pgxpool.Pool, report func(context.Context, *pgxpool.Pool) ([]T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rows, err := report(r.Context(), db)
		if err != nil {
			log.Printf("%s: %v", r.URL.Path, err)
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
			return
		}
		if rows == nil {
			rows = []T{} // [] in JSON, not null
		}
		writeJSON(w, http.StatusOK, rows)
	}
}

func main() {
	// The pool connects when the first query needs a connection.
	db, err := pgxpool.New(context.Background(), env("DATABASE_URL", "postgres://localhost:5432/postgres"))
	if err != nil {
		log.Fatalf("DATABASE_URL: %v", err)
	}
	defer db.Close()

	mux := http.NewServeMux()
	mux.HandleFunc("GET /customers/summary", route(db, Summary))
	mux.HandleFunc("GET /orders", route(db, OrdersWithCustomers))
	mux.HandleFunc("GET /customers/without-orders", route(db, CustomersWithoutOrders))

	addr := net.JoinHostPort(env("HOST", "127.0.0.1"), env("PORT", "8080"))
	log.Printf("Listening on http://%s/customers/summary", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}
