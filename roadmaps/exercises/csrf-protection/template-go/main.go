// A tiny bank (done for you): cookie sessions, an account, and transfers. The CSRF checks are in
// csrf.go.
//
//	POST /login    {"username", "password"} -> 200 {user, csrfToken} and the sid cookie; 401
//	GET  /account  -> 200 {user, balance, csrfToken}; 401
//	POST /transfer {"to", "amount"} (X-CSRF-Token) -> 200 {balance}; 401, 403, 400
package main

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"log"
	"net"
	"net/http"
	"os"
	"sync"
	"time"
)

var users = map[string]string{"ada": "correct horse battery staple", "grace": "hopper"}

type session struct {
	User      string
	CSRFToken string
}

type bank struct {
	mu        sync.Mutex
	sessions  map[string]*session
	balances  map[string]int
	appOrigin string
}

func main() {
	// The checks start the program with PORT, HOST and APP_ORIGIN=http://bank.test set.
	port := getenv("PORT", "8080")
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), port)
	b := &bank{sessions: map[string]*session{}, balances: map[string]int{}, appOrigin: getenv("APP_ORIGIN", "http://localhost:"+port)}
	for user := range users {
		b.balances[user] = 1000
	}
	server := &http.Server{Addr: addr, Handler: b.routes(), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Bank on http://%s (its origin: %s)", addr, b.appOrigin)
	log.Fatal(server.ListenAndServe())
}

func (b *bank) sessionOf(r *http.Request) *session {
	c, err := r.Cookie("sid")
	if err != nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.sessions[c.Value]
}

func (b *bank) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", func(w http.ResponseWriter, r *http.Request) {
		var in struct{ Username, Password string }
		if json.NewDecoder(r.Body).Decode(&in) != nil || users[in.Username] == "" || users[in.Username] != in.Password {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "wrong username or password"})
			return
		}
		raw := make([]byte, 32)
		if _, err := rand.Read(raw); err != nil {
			panic(err)
		}
		sid := base64.RawURLEncoding.EncodeToString(raw)
		token := newToken()
		b.mu.Lock()
		b.sessions[sid] = &session{User: in.Username, CSRFToken: token}
		b.mu.Unlock()
		http.SetCookie(w, &http.Cookie{Name: "sid", Value: sid, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
		writeJSON(w, http.StatusOK, map[string]string{"user": in.Username, "csrfToken": token})
	})
	mux.HandleFunc("GET /account", func(w http.ResponseWriter, r *http.Request) {
		s := b.sessionOf(r)
		if s == nil {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "not logged in"})
			return
		}
		// A safe method: the check lets it through, whatever the Origin.
		if problem := csrfProblem(r, s, b.appOrigin); problem != "" {
			writeJSON(w, http.StatusForbidden, map[string]string{"error": problem})
			return
		}
		b.mu.Lock()
		defer b.mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{"user": s.User, "balance": b.balances[s.User], "csrfToken": s.CSRFToken})
	})
	mux.HandleFunc("POST /transfer", func(w http.ResponseWriter, r *http.Request) {
		s := b.sessionOf(r)
		if s == nil {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "not logged in"})
			return
		}
		// A logged-in request that changes something: the CSRF check decides before anything else.
		if problem := csrfProblem(r, s, b.appOrigin); problem != "" {
			writeJSON(w, http.StatusForbidden, map[string]string{"error": problem})
			return
		}
		var in struct {
			To     string `json:"to"`
			Amount int    `json:"amount"`
		}
		decodeErr := json.NewDecoder(r.Body).Decode(&in)
		b.mu.Lock()
		defer b.mu.Unlock()
		_, known := b.balances[in.To]
		if decodeErr != nil || !known || in.To == s.User || in.Amount <= 0 || in.Amount > b.balances[s.User] {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "to must be another user and amount a whole number you have"})
			return
		}
		b.balances[s.User] -= in.Amount
		b.balances[in.To] += in.Amount
		writeJSON(w, http.StatusOK, map[string]int{"balance": b.balances[s.User]})
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
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("writing the response: %v", err)
	}
}
