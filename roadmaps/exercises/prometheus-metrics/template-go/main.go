// A small book API to measure (done for you). Your work is in metrics.go.
package main

import (
	"encoding/json"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	// The checks start the program with PORT and HOST set.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{Addr: addr, Handler: newHandler(), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Listening on http://%s (metrics at /metrics)", addr)
	log.Fatal(server.ListenAndServe())
}

// newHandler builds the app. Every route goes through m.instrument with its route template, the
// label that names it in the metrics; paths that match no route are instrumented as "unmatched".
func newHandler() http.Handler {
	m := newMetrics()
	mux := http.NewServeMux()
	route := func(method, template string, h http.HandlerFunc) {
		mux.Handle(method+" "+template, m.instrument(template, h))
	}

	route("GET", "/metrics", m.handler().ServeHTTP)
	route("GET", "/api/books/{id}", getBook)
	route("POST", "/api/books", addBook)
	route("GET", "/api/slow", slow)
	route("GET", "/api/boom", boom)
	mux.Handle("/", m.instrument("unmatched", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "No route for " + r.Method + " " + r.URL.Path})
	})))
	return mux
}

type book struct {
	ID    int    `json:"id"`
	Title string `json:"title"`
}

var (
	booksMu sync.Mutex
	books   = map[int]book{1: {1, "Dune"}, 2: {2, "Kindred"}, 3: {3, "Neuromancer"}}
)

func getBook(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.Atoi(r.PathValue("id"))
	booksMu.Lock()
	b, ok := books[id]
	booksMu.Unlock()
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "No book " + r.PathValue("id")})
		return
	}
	writeJSON(w, http.StatusOK, b)
}

func addBook(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Title string `json:"title"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || strings.TrimSpace(in.Title) == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "title is required"})
		return
	}
	booksMu.Lock()
	b := book{ID: len(books) + 1, Title: in.Title}
	books[b.ID] = b
	booksMu.Unlock()
	writeJSON(w, http.StatusCreated, b)
}

// slow waits ?ms= milliseconds (0 to 5000) before answering: something slow to measure.
func slow(w http.ResponseWriter, r *http.Request) {
	ms, _ := strconv.Atoi(r.URL.Query().Get("ms"))
	ms = min(max(ms, 0), 5000)
	time.Sleep(time.Duration(ms) * time.Millisecond)
	writeJSON(w, http.StatusOK, map[string]int{"sleptMs": ms})
}

// boom fails on purpose, the way a handler answers an error it cannot recover from.
func boom(w http.ResponseWriter, r *http.Request) {
	log.Print("boom: something broke")
	writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "Internal Server Error"})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
