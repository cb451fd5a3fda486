// A small API protected by JSON Web Tokens: GET /health is public, GET /me needs a valid token.
// The middleware that checks tokens is in auth.go.
package main

import (
	"encoding/json"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// devSecret is for trying the exercise by hand only: a real secret comes from configuration (an
// environment variable or a secret store), never the code. The checks set JWT_SECRET to their own.
const devSecret = "dev-only-secret-change-me-0123456789abcdef"

func main() {
	secret := os.Getenv("JWT_SECRET")
	if secret == "" {
		log.Print("JWT_SECRET is not set: using the development secret")
		secret = devSecret
	}
	handler, err := newHandler(secret)
	if err != nil {
		log.Fatal(err)
	}
	// The checks start the program with PORT (and HOST) set, then wait until it listens there.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{
		Addr:              addr,
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
	}
	token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub":  "user-42",
		"name": "Ada",
		"exp":  time.Now().Add(time.Hour).Unix(),
	}).SignedString([]byte(secret))
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("Listening on http://%s", addr)
	log.Printf(`Try: curl -i %s/me -H "Authorization: Bearer %s"`, addr, token)
	log.Fatal(server.ListenAndServe())
}

// newHandler builds the whole API; requireAuth (auth.go) guards the routes that need a user.
func newHandler(secret string) (http.Handler, error) {
	protect, err := requireAuth(secret)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()

	// Public.
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
	})

	// Needs a valid token: the handler runs only when requireAuth lets the request through.
	mux.Handle("GET /me", protect(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"user": userFrom(r.Context())})
	})))

	// Unknown routes answer in JSON too.
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "No route for "+r.Method+" "+r.URL.Path)
	})
	return mux, nil
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

// writeJSON answers with status and v encoded as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	// Headers must be set before WriteHeader: after it, changes are ignored.
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
