// POST /signup: a body validated and cleaned up by parseSignup (in signup.go, your part) before
// anything uses it. This file is done for you.
package main

import (
	"encoding/json"
	"errors"
	"io"
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
	log.Printf("Listening on http://%s (POST /signup)", addr)
	log.Fatal(server.ListenAndServe())
}

func newHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /signup", handleSignup)
	return mux
}

func handleSignup(w http.ResponseWriter, r *http.Request) {
	// A small limit: a signup form never needs more, and huge bodies are an easy way to tie up a server.
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 10<<10))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		writeJSON(w, http.StatusRequestEntityTooLarge, wholeBody("The body is larger than 10 kB"))
		return
	}
	if err != nil {
		writeJSON(w, http.StatusBadRequest, wholeBody("The body could not be read"))
		return
	}
	signup, problems := parseSignup(body)
	if len(problems) > 0 {
		writeJSON(w, http.StatusBadRequest, errorsBody{Errors: problems})
		return
	}
	// By now signup is the parsed, cleaned-up value. Its Password has the tag json:"-", so it is
	// never encoded: a password is never echoed.
	writeJSON(w, http.StatusCreated, signup)
}

// errorsBody is the answer for an invalid body: {"errors": [{"path": ..., "message": ...}]}.
type errorsBody struct {
	Errors []FieldError `json:"errors"`
}

// wholeBody is the answer for a problem with the body as a whole (path "").
func wholeBody(message string) errorsBody {
	return errorsBody{Errors: []FieldError{wholeBodyError(message)}}
}

func wholeBodyError(message string) FieldError {
	return FieldError{Path: "", Message: message}
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
