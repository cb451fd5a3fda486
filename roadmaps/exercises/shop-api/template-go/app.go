package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"strconv"

	"github.com/jackc/pgx/v5/pgxpool"
)

// App holds what every handler needs: the connection pool and the webhook secret.
//
// a.db.Exec / a.db.Query / a.db.QueryRow each take whichever connection is free and commit on their
// own. Statements that must succeed or fail together run in one transaction, on one pgx.Tx:
//
//	err := pgx.BeginFunc(ctx, a.db, func(tx pgx.Tx) error {
//		... tx.Exec / tx.Query / tx.QueryRow ...
//		return nil // commits; returning an error rolls everything back
//	})
type App struct {
	db            *pgxpool.Pool
	webhookSecret []byte
}

// routes registers every route of the API (done for you), with Go 1.22 patterns.
func (a *App) routes() http.Handler {
	mux := http.NewServeMux()
	// Milestone 1 (catalog.go)
	mux.HandleFunc("POST /products", a.createProduct)
	mux.HandleFunc("GET /products", a.listProducts)
	mux.HandleFunc("GET /products/{sku}", a.getProduct)
	// Milestone 2 (carts.go)
	mux.HandleFunc("POST /carts", a.createCart)
	mux.HandleFunc("GET /carts/{id}", a.getCart)
	mux.HandleFunc("PUT /carts/{id}/items/{sku}", a.setCartItem)
	// Milestones 3 and 5 (checkout.go)
	mux.HandleFunc("POST /carts/{id}/checkout", a.checkout)
	mux.HandleFunc("GET /orders/{id}", a.getOrder)
	// Milestone 4 (payments.go)
	mux.HandleFunc("POST /webhooks/payments", a.paymentWebhook)

	// Everything else: a JSON 404, not net/http's plain text.
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such route")
	})
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError answers {"error": message}, as every error of this API does.
func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}

// serverError logs what went wrong and answers 500.
func serverError(w http.ResponseWriter, r *http.Request, err error) {
	log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	writeError(w, http.StatusInternalServerError, "internal error")
}

// readObject reads a request body that must be one JSON object. Numbers stay json.Number, so
// wholeNumber can tell 12 from 12.5 and from "12".
func readObject(r *http.Request) (map[string]any, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	decoder := json.NewDecoder(bytes.NewReader(body))
	decoder.UseNumber()
	var v any
	if err := decoder.Decode(&v); err != nil {
		return nil, errors.New("the body must be valid JSON")
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("the body must be a JSON object")
	}
	return obj, nil
}

// wholeNumber accepts a JSON whole number (not 2.5, not "2", not true) that fits a PostgreSQL
// integer column.
func wholeNumber(v any) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.ParseInt(string(n), 10, 32)
	if err != nil {
		return 0, false
	}
	return int(i), true
}

// pathID reads a numeric id from the path: ok is false for "abc", "0" or "-1", which name nothing.
func pathID(r *http.Request, name string) (int, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 32)
	if err != nil || id <= 0 {
		return 0, false
	}
	return int(id), true
}
