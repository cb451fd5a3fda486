// The routes (Go 1.22 patterns) and the helpers every handler uses, done for you. The handlers are in
// jobs.go (milestones 1 and 2), applications.go (milestone 3) and status.go (milestone 4).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"strconv"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

type app struct {
	db     *pgxpool.Pool
	secret []byte
}

func newApp(db *pgxpool.Pool, secret string) http.Handler {
	a := &app{db: db, secret: []byte(secret)}
	mux := http.NewServeMux()
	// Milestones 1 and 2
	mux.HandleFunc("POST /jobs", a.createJob)
	mux.HandleFunc("GET /jobs", a.listJobs)
	mux.HandleFunc("GET /jobs/{id}", a.getJob)
	mux.HandleFunc("PATCH /jobs/{id}", a.updateJob)
	// Milestone 3
	mux.HandleFunc("POST /jobs/{id}/applications", a.apply)
	mux.HandleFunc("GET /jobs/{id}/applications", a.jobApplications)
	mux.HandleFunc("GET /me/applications", a.myApplications)
	// Milestone 4
	mux.HandleFunc("PATCH /applications/{id}", a.changeStatus)
	mux.HandleFunc("GET /me/notifications", a.myNotifications)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no route for "+r.Method+" "+r.URL.Path)
	})
	return mux
}

func writeJSON(w http.ResponseWriter, status int, value any) {
	w.Header().Set("content-type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(value)
}

func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}

// serverError logs what went wrong and answers 500.
func serverError(w http.ResponseWriter, r *http.Request, err error) {
	log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	writeError(w, http.StatusInternalServerError, "something went wrong on our side")
}

// pathID is the {id} of the route as a positive number; ok is false when it is not one (answer 404).
func pathID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 32)
	return id, err == nil && id > 0
}

// readObject reads a JSON object body. Numbers stay json.Number, so 2.5 and 2 can be told apart
// (use wholeNumber); a missing field is simply not in the map.
func readObject(r *http.Request) (map[string]any, error) {
	// At most 1 MiB: a longer body is cut off, and fails to decode.
	decoder := json.NewDecoder(io.LimitReader(r.Body, 1<<20))
	decoder.UseNumber()
	var body any
	if err := decoder.Decode(&body); err != nil {
		return nil, errors.New("the body must be JSON")
	}
	object, ok := body.(map[string]any)
	if !ok {
		return nil, errors.New("the body must be a JSON object")
	}
	return object, nil
}

// wholeNumber is v as an integer when it is a JSON whole number (not 2.5, not "2").
func wholeNumber(v any) (int64, bool) {
	n, ok := v.(json.Number)
	if !ok || bytes.ContainsAny([]byte(n), ".eE") {
		return 0, false
	}
	i, err := n.Int64()
	return i, err == nil
}

// isUniqueViolation tells whether err is PostgreSQL refusing a duplicate (SQLSTATE 23505).
func isUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505"
}
