// A small JSON API (/api/items) behind a CORS policy (cors.go).
package main

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

type item struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

// routes lists the methods each route supports, for the CORS policy (the mux below serves them).
var routes = []struct {
	pattern *regexp.Regexp
	methods []string
}{
	{regexp.MustCompile(`^/api/items$`), []string{"GET", "POST"}},
	{regexp.MustCompile(`^/api/items/\d+$`), []string{"GET", "DELETE"}},
}

func routeMethods(path string) []string {
	for _, route := range routes {
		if route.pattern.MatchString(path) {
			return route.methods
		}
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, value any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(value)
}

// newHandler is the API (done for you) behind the CORS policy, with the allowed origins.
func newHandler(origins []string) http.Handler {
	var mu sync.Mutex
	items := []item{{1, "Keyboard"}, {2, "Mouse"}}
	nextID := 3

	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/items", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		writeJSON(w, http.StatusOK, items)
	})
	mux.HandleFunc("POST /api/items", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Name string `json:"name"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil || strings.TrimSpace(body.Name) == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "name (a non-empty string) is required"})
			return
		}
		mu.Lock()
		created := item{nextID, strings.TrimSpace(body.Name)}
		nextID++
		items = append(items, created)
		mu.Unlock()
		writeJSON(w, http.StatusCreated, created)
	})
	mux.HandleFunc("GET /api/items/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.Atoi(r.PathValue("id"))
		mu.Lock()
		defer mu.Unlock()
		for _, it := range items {
			if it.ID == id {
				writeJSON(w, http.StatusOK, it)
				return
			}
		}
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no item " + r.PathValue("id")})
	})
	mux.HandleFunc("DELETE /api/items/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.Atoi(r.PathValue("id"))
		mu.Lock()
		defer mu.Unlock()
		for i, it := range items {
			if it.ID == id {
				items = append(items[:i], items[i+1:]...)
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no item " + r.PathValue("id")})
	})

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		methods := routeMethods(r.URL.Path)
		if methods == nil {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "not found"})
			return
		}
		// The CORS policy first, for every request to a route: its headers go on whatever the
		// answer is, and a preflight is answered here, before the mux can run any handler.
		preflight, headers := corsPolicy(r, methods, origins)
		for name, values := range headers {
			w.Header()[name] = values
		}
		if preflight {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		mux.ServeHTTP(w, r)
	})
}
