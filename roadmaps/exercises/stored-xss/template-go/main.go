// The comment board (done for you): the page, a JSON API, and the comments in memory. The HTML is
// built in render.go.
//
//	GET  /               -> the page (text/html), with the Content-Security-Policy of render.go
//	POST /comments       {"author", "body"} (JSON) -> 201 {id, author, body}
//	GET  /comments.json  -> 200 {"comments": [{id, author, body}]}, the text exactly as posted
//	GET  /style.css      -> the page's stylesheet
package main

import (
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"sync"
	"time"
)

const style = "body { font-family: sans-serif; max-width: 40rem; margin: 2rem auto; }\n.comment { border-bottom: 1px solid #ccc; }\n"

func main() {
	// The checks start the program with PORT and HOST set.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{Addr: addr, Handler: routes(), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Comment board on http://%s/", addr)
	log.Fatal(server.ListenAndServe())
}

func routes() http.Handler {
	// Stored as posted: escaping belongs to the output, where the context is known.
	var (
		mu       sync.Mutex
		comments = []comment{}
	)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		html := renderPage(comments)
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if csp != "" {
			w.Header().Set("Content-Security-Policy", csp)
		}
		io.WriteString(w, html)
	})
	mux.HandleFunc("GET /style.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		io.WriteString(w, style)
	})
	mux.HandleFunc("GET /comments.json", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{"comments": comments})
	})
	mux.HandleFunc("POST /comments", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Author string `json:"author"`
			Body   string `json:"body"`
		}
		if json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&in) != nil || in.Author == "" || in.Body == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "author and body must be non-empty strings"})
			return
		}
		mu.Lock()
		c := comment{ID: len(comments) + 1, Author: in.Author, Body: in.Body}
		comments = append(comments, c)
		mu.Unlock()
		writeJSON(w, http.StatusCreated, c)
	})
	return mux
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("writing the response: %v", err)
	}
}
