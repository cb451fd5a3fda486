// A small API whose routes fail on purpose, in the ways real code fails. Done for you: your work is
// in errors.go.
//
// Every route is an appHandler: it returns an error instead of writing one, and appHandler's
// ServeHTTP (in errors.go) turns that error into the response.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
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
	log.Printf("Listening on http://%s (try /books/7 and /crash)", addr)
	log.Fatal(server.ListenAndServe())
}

// Book is what the API stores.
type Book struct {
	ID    int    `json:"id"`
	Title string `json:"title"`
}

type bookStore struct {
	mu    sync.Mutex
	books map[int]Book
}

// newHandler builds the whole API with fresh data.
func newHandler() http.Handler {
	s := &bookStore{books: map[int]Book{1: {ID: 1, Title: "Release It!"}}}
	mux := http.NewServeMux()
	mux.Handle("GET /books/{id}", appHandler(s.getBook))
	mux.Handle("POST /books", appHandler(s.createBook))
	mux.Handle("GET /crash", appHandler(crash))
	mux.Handle("GET /async-crash", appHandler(asyncCrash))
	mux.Handle("GET /maintenance", appHandler(maintenance))
	// "/" matches every path and method that no other pattern claims.
	mux.Handle("/", appHandler(notFound))
	return mux
}

// An HttpError for a book that does not exist.
func (s *bookStore) getBook(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.Atoi(r.PathValue("id"))
	s.mu.Lock()
	book, found := s.books[id]
	s.mu.Unlock()
	if err != nil || !found {
		return &HttpError{Status: http.StatusNotFound, Detail: fmt.Sprintf("Book %s not found", r.PathValue("id")), Code: "book_not_found"}
	}
	writeJSON(w, http.StatusOK, book)
	return nil
}

// The body is read with a tiny limit (1 kB), so the "too large" case is easy to try. A decoding
// error is returned as it is (wrapped, so errors.As still finds it): errors.go decides what the
// client hears about it.
func (s *bookStore) createBook(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Title *string `json:"title"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1024)).Decode(&in); err != nil {
		return fmt.Errorf("reading the book: %w", err)
	}
	if in.Title == nil || *in.Title == "" {
		return &HttpError{Status: http.StatusBadRequest, Detail: `"title" is required and must be a non-empty string`, Code: "validation_failed"}
	}
	s.mu.Lock()
	book := Book{ID: len(s.books) + 1, Title: *in.Title}
	s.books[book.ID] = book
	s.mu.Unlock()
	writeJSON(w, http.StatusCreated, book)
	return nil
}

// A bug: a panic whose message must never reach the client.
func crash(w http.ResponseWriter, r *http.Request) error {
	panic("db password is hunter2")
}

// The same as an error value: a call (here in a goroutine, as Go runs work concurrently) that fails.
func asyncCrash(w http.ResponseWriter, r *http.Request) error {
	result := make(chan error, 1)
	go func() { result <- queryDatabase(r.Context()) }()
	if err := <-result; err != nil {
		return fmt.Errorf("listing books: %w", err)
	}
	return nil
}

// A deliberate 5xx: its status is meant for the client, its message is not.
func maintenance(w http.ResponseWriter, r *http.Request) error {
	return &HttpError{Status: http.StatusServiceUnavailable, Detail: "redis at 10.0.0.5:6379 is down", Code: "upstream_unavailable"}
}

// queryDatabase fails the way real database calls do: with a message full of internals.
func queryDatabase(ctx context.Context) error {
	return errors.New("dial tcp 10.0.0.3:5432: connect: connection refused (ECONNREFUSED, user=app password=hunter2)")
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
