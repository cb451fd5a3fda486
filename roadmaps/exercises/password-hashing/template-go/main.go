// A register/login API that stores bcrypt hashes, never passwords. The routes are in accounts.go,
// the hashing in password.go.
package main

import (
	"encoding/json"
	"log"
	"net"
	"net/http"
	"os"
	"time"
)

func main() {
	// The checks start the program with PORT and HOST set (and BCRYPT_COST, ADMIN_TOKEN), then wait
	// until it listens there.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{
		Addr:              addr,
		Handler:           newHandler(defaultCost(), os.Getenv("ADMIN_TOKEN")),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Printf("Listening on http://%s (POST /register, POST /login)", addr)
	log.Fatal(server.ListenAndServe())
}

// newHandler builds the whole API with no users yet. cost is the bcrypt cost for new hashes;
// adminToken the token of the admin routes (empty: they always answer 401).
func newHandler(cost int, adminToken string) http.Handler {
	mux := http.NewServeMux()
	newAccounts(cost).register(mux, adminToken)

	// Unknown routes answer in JSON too. "/" matches every path that no other pattern claims.
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "No route for "+r.Method+" "+r.URL.Path)
	})
	return mux
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

// writeJSON answers with status and v encoded as JSON.
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
