// The HTTP API (done for you): routes, JSON in and out. The SQL is in products.go.
//
//	GET  /products/search?q=tea                 -> 200 {"products": [{id, name, price}]}
//	GET  /products?sort=price&dir=desc          -> 200 {"products": [...]}, 400 for a sort or dir not allowed
//	POST /products/{id}/reviews {author, body}  -> 201 {id, productId, author, body}, 404, 400
//	GET  /products/{id}/reviews                 -> 200 {"reviews": [{id, author, body}]}
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed schema.sql
var schema string

func main() {
	// The checks start the program with PORT, HOST and DATABASE_URL (a fresh, empty database) set.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, getenv("DATABASE_URL", "postgres://localhost:5432/postgres"))
	if err != nil {
		log.Fatalf("DATABASE_URL: %v", err)
	}
	defer pool.Close()
	// schema.sql holds several statements: Exec without arguments sends them as one simple query.
	if _, err := pool.Exec(ctx, schema); err != nil {
		log.Fatalf("cannot create the tables (is PostgreSQL running at DATABASE_URL?): %v", err)
	}
	server := &http.Server{Addr: addr, Handler: routes(pool), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Shop API on http://%s/products", addr)
	log.Fatal(server.ListenAndServe())
}

func routes(db *pgxpool.Pool) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /products/search", func(w http.ResponseWriter, r *http.Request) {
		products, err := searchProducts(r.Context(), db, r.URL.Query().Get("q"))
		answer(w, http.StatusOK, map[string]any{"products": products}, err)
	})
	mux.HandleFunc("GET /products", func(w http.ResponseWriter, r *http.Request) {
		sort, dir := r.URL.Query().Get("sort"), r.URL.Query().Get("dir")
		if !r.URL.Query().Has("sort") {
			sort = "id"
		}
		if !r.URL.Query().Has("dir") {
			dir = "asc"
		}
		products, err := listProducts(r.Context(), db, sort, dir)
		answer(w, http.StatusOK, map[string]any{"products": products}, err)
	})
	mux.HandleFunc("POST /products/{id}/reviews", func(w http.ResponseWriter, r *http.Request) {
		id, ok := productID(w, r)
		if !ok {
			return
		}
		var in struct {
			Author string `json:"author"`
			Body   string `json:"body"`
		}
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&in); err != nil || in.Author == "" || in.Body == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "author and body must be non-empty strings"})
			return
		}
		review, err := addReview(r.Context(), db, id, in.Author, in.Body)
		if err == nil && review == nil {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "no product " + r.PathValue("id")})
			return
		}
		answer(w, http.StatusCreated, review, err)
	})
	mux.HandleFunc("GET /products/{id}/reviews", func(w http.ResponseWriter, r *http.Request) {
		id, ok := productID(w, r)
		if !ok {
			return
		}
		reviews, err := listReviews(r.Context(), db, id)
		answer(w, http.StatusOK, map[string]any{"reviews": reviews}, err)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no route for " + r.Method + " " + r.URL.Path})
	})
	return mux
}

// productID reads {id} from the path: a number, or a 404.
func productID(w http.ResponseWriter, r *http.Request) (int, bool) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil || id < 0 || id > 999_999_999 {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no product " + r.PathValue("id")})
		return 0, false
	}
	return id, true
}

// answer writes v with status, or the error: 400 for a *badRequest, else 500. The details of a
// database error go to the log, never to the client: they show an attacker the shape of the query.
func answer(w http.ResponseWriter, status int, v any, err error) {
	var bad *badRequest
	switch {
	case errors.As(err, &bad):
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": bad.Error()})
	case err != nil:
		log.Printf("database error: %v", err)
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
	default:
		writeJSON(w, status, v)
	}
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("writing the response: %v", err)
	}
}
