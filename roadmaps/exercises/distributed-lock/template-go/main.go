// A lock service on Redis (done for you):
//
//	POST /locks/{name}           acquires the lock: 200 {"name", "token", "ttlMs"}, or 409 when it is held
//	POST /locks/{name}/release   {"token": "..."}: 200 {"released": true}, or 409 when that token does
//	                             not hold the lock (expired, never held, someone else's)
//
// Every answer is JSON; errors are {"error": "..."}. Names are 1 to 64 letters, digits, _ or -.
//
// Configuration comes from the environment:
//
//	PORT, HOST         where to listen (8080, 127.0.0.1)
//	REDIS_URL          the Redis to use (redis://127.0.0.1:6379)
//	REDIS_KEY_PREFIX   put in front of every key: "br-check-1a2b:" -> "br-check-1a2b:lock:report"
//	LOCK_TTL_MS        how long a lock lives unless it is released first (10000)
package main

import (
	"context"
	"encoding/json"
	"log"
	"net"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

var lockName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

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
	ttlMs, err := strconv.Atoi(getenv("LOCK_TTL_MS", "10000"))
	if err != nil || ttlMs < 1 {
		log.Fatal("LOCK_TTL_MS must be a whole number of milliseconds")
	}

	lock := &Lock{rdb: rdb, keyPrefix: getenv("REDIS_KEY_PREFIX", "") + "lock:", ttl: time.Duration(ttlMs) * time.Millisecond}
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{Addr: addr, Handler: newHandler(lock, ttlMs), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Listening on http://%s/locks/report", addr)
	log.Fatal(server.ListenAndServe())
}

func newHandler(lock *Lock, ttlMs int) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /locks/{name}", func(w http.ResponseWriter, r *http.Request) {
		name, ok := nameOf(w, r)
		if !ok {
			return
		}
		token, err := lock.Acquire(r.Context(), name)
		if err != nil {
			serverError(w, err)
			return
		}
		if token == "" {
			writeError(w, http.StatusConflict, name+" is locked")
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"name": name, "token": token, "ttlMs": ttlMs})
	})
	mux.HandleFunc("POST /locks/{name}/release", func(w http.ResponseWriter, r *http.Request) {
		name, ok := nameOf(w, r)
		if !ok {
			return
		}
		var body struct {
			Token any `json:"token"`
		}
		err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&body)
		token, isString := body.Token.(string)
		if err != nil || !isString || token == "" {
			writeError(w, http.StatusBadRequest, `The body must be {"token": "..."}`)
			return
		}
		released, err := lock.Release(r.Context(), name, token)
		if err != nil {
			serverError(w, err)
			return
		}
		if !released {
			writeError(w, http.StatusConflict, "This token does not hold "+name)
			return
		}
		writeJSON(w, http.StatusOK, map[string]bool{"released": true})
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "No route for "+r.Method+" "+r.URL.Path)
	})
	return mux
}

func nameOf(w http.ResponseWriter, r *http.Request) (string, bool) {
	name := r.PathValue("name")
	if !lockName.MatchString(name) {
		writeError(w, http.StatusBadRequest, "A lock name is 1 to 64 letters, digits, _ or -")
		return "", false
	}
	return name, true
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

func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}

func serverError(w http.ResponseWriter, err error) {
	log.Printf("error: %v", err)
	writeError(w, http.StatusInternalServerError, "Internal Server Error")
}
