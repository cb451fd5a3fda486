// A small article API (done for you):
//
//	GET /articles/{id}   the article as JSON, through writeCacheable (404 when there is none)
//	PUT /articles/{id}   replaces {"title", "body"} when preconditionFailure allows it (400, 404, 412, 428)
//
// Errors are JSON: {"error": "..."}. The caching rules are yours, in caching.go.
// Configuration comes from the environment: PORT and HOST, where to listen (8080, 127.0.0.1).
package main

import (
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"
)

type Article struct {
	ID    int    `json:"id"`
	Title string `json:"title"`
	Body  string `json:"body"`
}

type stored struct {
	article      Article
	lastModified time.Time
}

type store struct {
	mu       sync.Mutex
	articles map[int]stored
}

func newStore() *store {
	return &store{articles: map[int]stored{
		1: {Article{1, "Why caches revalidate", "A 304 saves the bytes, not the round trip."}, time.Date(2024, 10, 1, 10, 0, 0, 0, time.UTC)},
		2: {Article{2, "Optimistic concurrency", "If-Match turns lost updates into 412s."}, time.Date(2024, 10, 2, 8, 30, 0, 0, time.UTC)},
	}}
}

// representation is the exact bytes sent for an article; its ETag is computed from these.
func representation(a Article) []byte {
	b, _ := json.Marshal(a)
	return b
}

func writeJSON(w http.ResponseWriter, status int, value any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(value)
}

func main() {
	s := newStore()
	mux := http.NewServeMux()

	mux.HandleFunc("GET /articles/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.Atoi(r.PathValue("id"))
		s.mu.Lock()
		current, ok := s.articles[id]
		s.mu.Unlock()
		if !ok {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "Article " + r.PathValue("id") + " not found"})
			return
		}
		writeCacheable(w, r, representation(current.article), current.lastModified)
	})

	mux.HandleFunc("PUT /articles/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.Atoi(r.PathValue("id"))
		text, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "could not read the body"})
			return
		}
		// One lock for the whole check-then-write, so two PUTs with the same If-Match cannot both pass.
		s.mu.Lock()
		defer s.mu.Unlock()
		current, ok := s.articles[id]
		if !ok {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "Article " + r.PathValue("id") + " not found"})
			return
		}
		if status := preconditionFailure(r, etagOf(representation(current.article))); status != 0 {
			writeJSON(w, status, map[string]string{"error": http.StatusText(status) + ": send If-Match with the current ETag"})
			return
		}
		var input struct {
			Title *string `json:"title"`
			Body  *string `json:"body"`
		}
		if err := json.Unmarshal(text, &input); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "The body must be a JSON object"})
			return
		}
		if input.Title == nil || *input.Title == "" || input.Body == nil || *input.Body == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "title and body must be non-empty strings"})
			return
		}
		article := Article{id, *input.Title, *input.Body}
		// HTTP dates have whole seconds: drop the rest, or If-Modified-Since never matches.
		updated := stored{article, time.Now().UTC().Truncate(time.Second)}
		s.articles[id] = updated
		content := representation(article)
		// The new validators go back with the answer, so the client's next If-Match is right.
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("ETag", etagOf(content))
		w.Header().Set("Last-Modified", updated.lastModified.Format(http.TimeFormat))
		w.Write(content)
	})

	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	log.Printf("Listening on http://%s/articles/1", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
