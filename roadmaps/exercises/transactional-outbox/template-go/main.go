// The HTTP API and the relay (done for you):
//
//	POST /orders          {"customer", "lines": [{"sku", "quantity"}, ...]} -> 201 with the order
//	GET  /published       the messages the broker has accepted, oldest first
//	POST /broker/outage   {"down": true | false} switches a broker outage on or off
//
// Run it with `go run .`. Configuration comes from the environment:
//
//	PORT, HOST        where to listen (8080, 127.0.0.1)
//	DATABASE_URL      the PostgreSQL to use (postgres://localhost:5432/postgres)
//	OUTBOX_POLL_MS    how often the relay looks for unsent events, in milliseconds (500)
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"log"
	"math"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed schema.sql
var schema string

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

// parseOrder checks the body's shape. The quantity's range is left to the database: order_lines
// has CHECK (quantity > 0).
func parseOrder(body map[string]any) (string, []OrderLine, string) {
	customer, ok := body["customer"].(string)
	if !ok || customer == "" {
		return "", nil, "customer must be a non-empty string"
	}
	raw, ok := body["lines"].([]any)
	if !ok || len(raw) == 0 {
		return "", nil, "lines must be a non-empty array"
	}
	lines := make([]OrderLine, 0, len(raw))
	for _, r := range raw {
		l, ok := r.(map[string]any)
		sku, skuOK := l["sku"].(string)
		q, qOK := l["quantity"].(float64)
		if !ok || !skuOK || !qOK || q != math.Trunc(q) || math.Abs(q) > math.MaxInt32 {
			return "", nil, "each line needs a sku (string) and a quantity (whole number)"
		}
		lines = append(lines, OrderLine{SKU: sku, Quantity: int(q)})
	}
	return customer, lines, ""
}

func main() {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, env("DATABASE_URL", "postgres://localhost:5432/postgres"))
	if err != nil {
		log.Fatalf("Could not start: %v", err)
	}
	if _, err := pool.Exec(ctx, schema); err != nil { // the program makes its own tables
		log.Fatalf("Could not start: %v", err)
	}
	broker := &Broker{}
	pollMs, err := strconv.Atoi(env("OUTBOX_POLL_MS", "500"))
	if err != nil || pollMs <= 0 {
		log.Fatalf("OUTBOX_POLL_MS must be a positive number of milliseconds")
	}
	go runRelay(ctx, pool, broker, time.Duration(pollMs)*time.Millisecond)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /published", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, broker.Published())
	})
	mux.HandleFunc("POST /broker/outage", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Down *bool `json:"down"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Down == nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": `Send {"down": true} or {"down": false}`})
			return
		}
		broker.SetDown(*body.Down)
		writeJSON(w, http.StatusOK, map[string]bool{"down": broker.IsDown()})
	})
	mux.HandleFunc("POST /orders", func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "The body must be a JSON object"})
			return
		}
		customer, lines, problem := parseOrder(body)
		if problem != "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": problem})
			return
		}
		order, err := createOrder(r.Context(), pool, customer, lines)
		var pgErr *pgconn.PgError
		switch {
		case errors.As(err, &pgErr) && pgErr.Code == "23514": // a CHECK refused a row, e.g. a quantity of 0
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "The database refused the order: " + pgErr.Message})
		case err != nil:
			log.Printf("POST /orders: %v", err)
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "Internal error"})
		default:
			writeJSON(w, http.StatusCreated, order)
		}
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "No route for " + r.Method + " " + r.URL.Path})
	})

	addr := net.JoinHostPort(env("HOST", "127.0.0.1"), env("PORT", "8080"))
	log.Printf("Listening on http://%s/orders", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}
