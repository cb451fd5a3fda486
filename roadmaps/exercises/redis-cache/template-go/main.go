// A small product API with a Redis cache in front of a slow database (done for you):
//
//	GET /products/{id}   the product, through the cache (404 when there is none)
//	PUT /products/{id}   saves {"name"?, "priceCents"?} to the database, through the cache (400, 404)
//	GET /stats           {"sourceReads": n, "sourceWrites": n}: how often the database was called
//
// Configuration comes from the environment:
//
//	PORT, HOST               where to listen (8080, 127.0.0.1)
//	REDIS_URL                the Redis to use (redis://127.0.0.1:6379)
//	REDIS_KEY_PREFIX         put in front of every key: "br-check-1a2b:" -> "br-check-1a2b:product:1"
//	CACHE_TTL_SECONDS        how long a cached product lives (60)
//	CACHE_MISS_TTL_SECONDS   how long "no such product" is remembered (5)
package main

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

func main() {
	opts, err := redis.ParseURL(getenv("REDIS_URL", "redis://127.0.0.1:6379"))
	if err != nil {
		log.Fatalf("REDIS_URL: %v", err)
	}
	rdb := redis.NewClient(opts)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		log.Fatalf("Redis is not reachable at REDIS_URL (%v). Start one, e.g. `redis-server`.", err)
	}

	db := NewProductDB()
	cache := &ProductCache{
		rdb:       rdb,
		db:        db,
		keyPrefix: getenv("REDIS_KEY_PREFIX", "") + "product:",
		ttl:       seconds("CACHE_TTL_SECONDS", 60),
		missTTL:   seconds("CACHE_MISS_TTL_SECONDS", 5),
	}

	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{Addr: addr, Handler: newHandler(cache, db), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Listening on http://%s/products/1", addr)
	log.Fatal(server.ListenAndServe())
}

func newHandler(cache *ProductCache, db *ProductDB) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /products/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, ok := productID(w, r)
		if !ok {
			return
		}
		product, err := cache.GetProduct(r.Context(), id)
		if err != nil {
			serverError(w, err)
			return
		}
		if product == nil {
			writeError(w, http.StatusNotFound, "Product "+strconv.Itoa(id)+" not found")
			return
		}
		writeJSON(w, http.StatusOK, product)
	})
	mux.HandleFunc("PUT /products/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, ok := productID(w, r)
		if !ok {
			return
		}
		var fields ProductUpdate
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&fields); err != nil {
			writeError(w, http.StatusBadRequest, "The body must be a JSON object with name and/or priceCents: "+err.Error())
			return
		}
		product, err := cache.UpdateProduct(r.Context(), id, fields)
		if errors.Is(err, ErrInvalidProduct) {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		if err != nil {
			serverError(w, err)
			return
		}
		if product == nil {
			writeError(w, http.StatusNotFound, "Product "+strconv.Itoa(id)+" not found")
			return
		}
		writeJSON(w, http.StatusOK, product)
	})
	mux.HandleFunc("GET /stats", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]int64{"sourceReads": db.Reads.Load(), "sourceWrites": db.Writes.Load()})
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "No route for "+r.Method+" "+r.URL.Path)
	})
	return mux
}

func productID(w http.ResponseWriter, r *http.Request) (int, bool) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		writeError(w, http.StatusNotFound, "Product "+r.PathValue("id")+" not found")
		return 0, false
	}
	return id, true
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

func seconds(name string, fallback int) time.Duration {
	n, err := strconv.Atoi(getenv(name, strconv.Itoa(fallback)))
	if err != nil || n <= 0 {
		log.Fatalf("%s must be a whole number of seconds", name)
	}
	return time.Duration(n) * time.Second
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("writing the response: %v", err)
	}
}

func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}

func serverError(w http.ResponseWriter, err error) {
	log.Printf("error: %v", err)
	writeError(w, http.StatusInternalServerError, "Internal Server Error")
}
