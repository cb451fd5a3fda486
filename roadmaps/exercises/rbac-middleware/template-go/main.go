// A small API for articles, kept in memory, where each route needs a permission. Who may do what is
// decided in rbac.go.
package main

import (
	"context"
	"encoding/json"
	"log"
	"net"
	"net/http"
	"os"
	"slices"
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
	log.Printf("Listening on http://%s", addr)
	log.Printf(`Try: curl -i %s/articles -H "X-User: ada" -H "X-Role: viewer"`, addr)
	log.Fatal(server.ListenAndServe())
}

// newHandler builds the whole API with fresh data: one article, {"id": 1, "title": "Hello"}.
// requirePermission (rbac.go) wraps each handler that needs a permission.
func newHandler() http.Handler {
	hello := article{ID: 1, Title: "Hello"}
	s := &articleStore{articles: []article{hello}, nextID: 2}
	mux := http.NewServeMux()

	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]bool{"ok": true}) // public
	})
	mux.Handle("GET /articles", requirePermission("articles:read")(http.HandlerFunc(s.list)))
	mux.Handle("POST /articles", requirePermission("articles:write")(http.HandlerFunc(s.create)))
	mux.Handle("DELETE /articles/{id}", requirePermission("articles:delete")(http.HandlerFunc(s.remove)))
	mux.Handle("GET /admin/users", requirePermission("users:manage")(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ada := map[string]string{"name": "ada", "role": "admin"}
		writeJSON(w, http.StatusOK, []map[string]string{ada})
	})))

	// Unknown routes answer in JSON too.
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "No route for "+r.Method+" "+r.URL.Path)
	})
	return fakeAuth(mux)
}

// user is who is asking. Role is "" when the X-Role header is missing or empty.
type user struct {
	Name string
	Role string
}

type userKey struct{}

// fakeAuth stands in for real authentication (see the JWT exercise): it believes whatever the
// X-User and X-Role headers say, so it is only for tests and demos. Its one job is to put the user
// in the request's context; there is a user only when X-User is there (X-Role alone is none).
func fakeAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if name := r.Header.Get("X-User"); name != "" {
			u := &user{Name: name, Role: r.Header.Get("X-Role")}
			r = r.WithContext(context.WithValue(r.Context(), userKey{}, u))
		}
		next.ServeHTTP(w, r)
	})
}

// userFrom returns the user fakeAuth found, or nil when there is none.
func userFrom(ctx context.Context) *user {
	u, _ := ctx.Value(userKey{}).(*user)
	return u
}

type article struct {
	ID    int    `json:"id"`
	Title string `json:"title"`
	By    string `json:"by,omitempty"`
}

// articleStore keeps the articles in memory; every request runs in its own goroutine, hence mu.
type articleStore struct {
	mu       sync.Mutex
	articles []article
	nextID   int
}

func (s *articleStore) list(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	list := slices.Clone(s.articles)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, list)
}

func (s *articleStore) create(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Title *string `json:"title"`
	}
	title := "Untitled"
	if json.NewDecoder(r.Body).Decode(&body) == nil && body.Title != nil {
		title = *body.Title
	}
	s.mu.Lock()
	a := article{ID: s.nextID, Title: title, By: userFrom(r.Context()).Name}
	s.nextID++
	s.articles = append(s.articles, a)
	s.mu.Unlock()
	writeJSON(w, http.StatusCreated, a)
}

func (s *articleStore) remove(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.PathValue("id"))
	s.mu.Lock()
	i := slices.IndexFunc(s.articles, func(a article) bool { return err == nil && a.ID == id })
	if i >= 0 {
		s.articles = slices.Delete(s.articles, i, i+1)
	}
	s.mu.Unlock()
	if i < 0 {
		writeError(w, http.StatusNotFound, "article not found")
		return
	}
	w.WriteHeader(http.StatusNoContent)
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
