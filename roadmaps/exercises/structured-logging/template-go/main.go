// A small book API with a login (done for you). Your work is in logging.go.
package main

import (
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"
)

var demoUsers = map[string]string{"ada": "correct horse battery"}

var books = map[int]map[string]any{
	1: {"id": 1, "title": "Dune"},
	2: {"id": 2, "title": "Kindred"},
	3: {"id": 3, "title": "Neuromancer"},
}

func main() {
	// The checks start the program with PORT, HOST and LOG_LEVEL=debug set. Logs go to stdout.
	logger := newLogger(os.Stdout, getenv("LOG_LEVEL", "info"))
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{Addr: addr, Handler: newHandler(logger), ReadHeaderTimeout: 5 * time.Second}
	logger.Info("listening", "addr", addr)
	if err := server.ListenAndServe(); err != nil {
		logger.Error("server stopped", "error", err.Error())
		os.Exit(1)
	}
}

// newHandler builds the app. Every route goes through withRequestLogging with its route template;
// paths that match no route are logged as "unmatched".
func newHandler(logger *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	route := func(method, template string, h http.HandlerFunc) {
		mux.Handle(method+" "+template, withRequestLogging(logger, template, h))
	}
	route("GET", "/api/books/{id}", getBook)
	route("POST", "/api/login", login)
	route("GET", "/api/slow", slow)
	route("GET", "/api/boom", boom)
	mux.Handle("/", withRequestLogging(logger, "unmatched", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "No route for " + r.Method + " " + r.URL.Path})
	})))
	return mux
}

func getBook(w http.ResponseWriter, r *http.Request) {
	loggerFrom(r.Context()).Debug("looking up book", "bookId", r.PathValue("id"))
	id, _ := strconv.Atoi(r.PathValue("id"))
	book, ok := books[id]
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "No book " + r.PathValue("id")})
		return
	}
	writeJSON(w, http.StatusOK, book)
}

func login(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Username string `json:"username"`
		Password string `json:"password"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err == nil {
		if want, ok := demoUsers[in.Username]; ok && want == in.Password {
			writeJSON(w, http.StatusOK, map[string]string{"username": in.Username})
			return
		}
	}
	loggerFrom(r.Context()).Warn("login failed", "username", in.Username)
	writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "Invalid username or password"})
}

// slow waits ?ms= milliseconds (0 to 5000) before answering.
func slow(w http.ResponseWriter, r *http.Request) {
	ms, _ := strconv.Atoi(r.URL.Query().Get("ms"))
	ms = min(max(ms, 0), 5000)
	time.Sleep(time.Duration(ms) * time.Millisecond)
	writeJSON(w, http.StatusOK, map[string]int{"sleptMs": ms})
}

// boom fails on purpose, the way a handler answers an error it cannot recover from.
func boom(w http.ResponseWriter, r *http.Request) {
	loggerFrom(r.Context()).Error("unhandled error", "error", "something broke")
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
