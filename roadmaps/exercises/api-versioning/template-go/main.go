// A small users API (done for you):
//
//	GET  /{version}/users/{id}   a user, in that version's shape (404 when there is none)
//	POST /{version}/users        creates a user from that version's shape: 201 with Location (400)
//
// {version} is looked up with resolveVersion (versions.go): an unknown one is a 404. Users are
// stored one way (givenName, familyName, email); each version presents and parses them.
// Configuration comes from the environment: PORT and HOST, where to listen (8080, 127.0.0.1).
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
)

type store struct {
	mu     sync.Mutex
	users  map[int]User
	nextID int
}

func main() {
	s := &store{users: map[int]User{1: {ID: 1, UserFields: UserFields{GivenName: "Ada", FamilyName: "Lovelace", Email: "ada@example.com"}}}, nextID: 2}
	mux := http.NewServeMux()

	// answer writes a JSON answer with the version's own headers (Deprecation, for one).
	answer := func(w http.ResponseWriter, r *http.Request, version APIVersion, status int, value any) {
		if version != nil {
			for name, v := range version.Headers(r.URL.Path) {
				w.Header().Set(name, v)
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(value)
	}
	errorBody := func(format string, args ...any) map[string]string {
		return map[string]string{"error": fmt.Sprintf(format, args...)}
	}

	mux.HandleFunc("GET /{version}/users/{id}", func(w http.ResponseWriter, r *http.Request) {
		version := resolveVersion(r.PathValue("version"))
		if version == nil {
			answer(w, r, nil, http.StatusNotFound, errorBody("Unknown API version %q", r.PathValue("version")))
			return
		}
		id, _ := strconv.Atoi(r.PathValue("id"))
		s.mu.Lock()
		user, ok := s.users[id]
		s.mu.Unlock()
		if !ok {
			answer(w, r, version, http.StatusNotFound, errorBody("User %s not found", r.PathValue("id")))
			return
		}
		answer(w, r, version, http.StatusOK, version.Present(user))
	})

	mux.HandleFunc("POST /{version}/users", func(w http.ResponseWriter, r *http.Request) {
		version := resolveVersion(r.PathValue("version"))
		if version == nil {
			answer(w, r, nil, http.StatusNotFound, errorBody("Unknown API version %q", r.PathValue("version")))
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil || !json.Valid(body) {
			answer(w, r, version, http.StatusBadRequest, errorBody("The body must be JSON"))
			return
		}
		fields, err := version.Parse(body)
		if err != nil {
			answer(w, r, version, http.StatusBadRequest, errorBody("%v", err))
			return
		}
		s.mu.Lock()
		user := User{ID: s.nextID, UserFields: fields}
		s.users[user.ID] = user
		s.nextID++
		s.mu.Unlock()
		w.Header().Set("Location", fmt.Sprintf("/%s/users/%d", r.PathValue("version"), user.ID))
		answer(w, r, version, http.StatusCreated, version.Present(user))
	})

	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	log.Printf("Listening on http://%s/v2/users/1", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
