// An API with two rate limits: /api per client IP, /login per username. The limiter is in
// ratelimit.go.
package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"
)

func main() {
	// The checks start the program with PORT and HOST set, and a short window through
	// RATE_LIMIT_WINDOW_MS and RATE_LIMIT_MAX. By default: 5 requests per 10 seconds.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	window := time.Duration(envInt("RATE_LIMIT_WINDOW_MS", 10_000)) * time.Millisecond
	limit := envInt("RATE_LIMIT_MAX", 5)
	handler, err := newHandler(window, limit)
	if err != nil {
		log.Fatal(err)
	}
	server := &http.Server{Addr: addr, Handler: handler, ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Listening on http://%s/api/hello (%d requests per %v)", addr, limit, window)
	log.Fatal(server.ListenAndServe())
}

// demoUsers stands in for a real user table, so the login limiter has something to protect.
var demoUsers = map[string]string{"ada": "correct horse battery"}

// newHandler builds the whole app: /health (never limited), /api/ (limited per client IP) and
// POST /login (limited per username). Each limiter has its own counts.
func newHandler(window time.Duration, limit int) (http.Handler, error) {
	apiLimit, err := newLimiter(window, limit, byClientIP)
	if err != nil {
		return nil, err
	}
	loginLimit, err := newLimiter(window, limit, byUsername)
	if err != nil {
		return nil, err
	}

	api := http.NewServeMux()
	api.HandleFunc("GET /api/hello", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"message": "hello"})
	})
	api.HandleFunc("/", notFound)

	mux := http.NewServeMux()
	// Health checks come from your own load balancer: keep them outside the limit.
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
	})
	mux.Handle("/api/", apiLimit.middleware(api))
	mux.Handle("POST /login", loginLimit.middleware(http.HandlerFunc(login)))
	mux.HandleFunc("/", notFound)
	return mux, nil
}

// login is a stand-in: 200 for ada / correct horse battery, 401 for anything else.
func login(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Username string `json:"username"`
		Password string `json:"password"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err == nil {
		if want, ok := demoUsers[in.Username]; ok && want == in.Password {
			writeJSON(w, http.StatusOK, map[string]string{"username": in.Username})
			return
		}
	}
	writeError(w, http.StatusUnauthorized, "Invalid username or password")
}

// byClientIP keys a request by the address of the connection itself. Never by X-Forwarded-For:
// any client can write that header, and there is no proxy of ours in front of this app.
func byClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// byUsername keys a login attempt by the username in its body, so each account gets its own count
// whatever address the attempts come from. Without a username, the client IP.
func byUsername(r *http.Request) string {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	// The handler reads the body too: give it back a fresh reader over the same bytes.
	r.Body = io.NopCloser(bytes.NewReader(body))
	var in struct {
		Username *string `json:"username"`
	}
	if err != nil || json.Unmarshal(body, &in) != nil || in.Username == nil {
		return "ip:" + byClientIP(r)
	}
	return "user:" + *in.Username
}

func notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, "No route for "+r.Method+" "+r.URL.Path)
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

func envInt(name string, fallback int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return n
	}
	return fallback
}

// writeJSON answers with status and v encoded as JSON. Headers set before it are kept.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("writing the response: %v", err)
	}
}

// writeError answers with status and { "error": message }.
func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}
