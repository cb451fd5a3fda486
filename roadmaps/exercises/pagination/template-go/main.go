// Cursor pagination over 50 in-memory articles. The route is in articles.go, the data in seed.go.
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
	// The checks start the program with PORT (and HOST) set, then wait until it listens there.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{
		Addr:              addr,
		Handler:           newHandler(),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Printf("Listening on http://%s/articles?limit=5", addr)
	log.Fatal(server.ListenAndServe())
}

// newHandler builds the whole API over a fresh copy of the seed data.
func newHandler() http.Handler {
	mux := http.NewServeMux()
	api := &articleAPI{articles: createArticles(50)}
	mux.HandleFunc("GET /articles", api.list)

	// Unknown routes answer in JSON too, so clients never have to parse a plain-text error page.
	// "/" matches every path and method that no other pattern claims.
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
