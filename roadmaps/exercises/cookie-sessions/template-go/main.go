// The HTTP API (done for you): a cart that works before login, a login, and who you are. The
// session handling is in sessions.go.
//
//	POST /cart   {"item": "tea"}             -> 200 {"cart": [...]} (starts a session if needed)
//	POST /login  {"username", "password"}    -> 200 {"user"}, 401
//	GET  /me                                 -> 200 {"user", "cart"}, 401
//	POST /logout                             -> 204
package main

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"
)

// users stands in for a user table (a real one stores password hashes: see the password-hashing exercise).
var users = map[string]string{"ada": "correct horse battery staple"}

func main() {
	// The checks start the program with PORT and HOST set, SESSION_IDLE_SECONDS=2 and COOKIE_SECURE=1.
	// Without them: port 8080, sessions end after 30 idle minutes, and no Secure attribute (so the
	// cookie also works over plain http://localhost while you try it).
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	idle, err := strconv.ParseFloat(getenv("SESSION_IDLE_SECONDS", "1800"), 64)
	if err != nil {
		log.Fatalf("SESSION_IDLE_SECONDS: %v", err)
	}
	sessions := newSessions(time.Duration(idle*float64(time.Second)), os.Getenv("COOKIE_SECURE") == "1", time.Now)
	server := &http.Server{Addr: addr, Handler: routes(sessions), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Sessions API on http://%s (POST /cart, POST /login, GET /me, POST /logout)", addr)
	log.Fatal(server.ListenAndServe())
}

func routes(sessions *sessions) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /cart", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Item string `json:"item"`
		}
		if json.NewDecoder(r.Body).Decode(&in) != nil || in.Item == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "item must be a non-empty string"})
			return
		}
		s := sessions.load(r)
		if s == nil {
			s = sessions.start(w, &sessionData{})
		}
		sessions.update(s, func(d *sessionData) { d.Cart = append(d.Cart, in.Item) })
		writeJSON(w, http.StatusOK, map[string]any{"cart": s.Data.Cart})
	})
	mux.HandleFunc("POST /login", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Username string `json:"username"`
			Password string `json:"password"`
		}
		if json.NewDecoder(r.Body).Decode(&in) != nil || !checkPassword(in.Username, in.Password) {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "wrong username or password"})
			return
		}
		sessions.login(w, r, in.Username)
		writeJSON(w, http.StatusOK, map[string]string{"user": in.Username})
	})
	mux.HandleFunc("GET /me", func(w http.ResponseWriter, r *http.Request) {
		s := sessions.load(r)
		if s == nil || s.Data.User == "" {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "not logged in"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"user": s.Data.User, "cart": s.Data.Cart})
	})
	mux.HandleFunc("POST /logout", func(w http.ResponseWriter, r *http.Request) {
		sessions.logout(w, r)
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}

func checkPassword(username, password string) bool {
	expected, ok := users[username]
	if !ok {
		return false
	}
	a, b := sha256.Sum256([]byte(password)), sha256.Sum256([]byte(expected))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

// writeJSON answers with status and v as JSON. Answers depend on the cookie: no shared cache may keep them.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("writing the response: %v", err)
	}
}
