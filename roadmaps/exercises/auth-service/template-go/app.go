package main

import (
	"encoding/json"
	"net"
	"net/http"
	"regexp"
	"strings"
	"time"
)

const maxFailuresPerAccount, maxFailuresPerIP = 5, 20

type settings struct {
	secret             string
	accessTokenSeconds int
	loginWindow        time.Duration
	adminEmails        map[string]bool
}

type app struct {
	settings
	users     *userStore
	sessions  *sessionStore
	byAccount *limiter
	byIP      *limiter
	decoy     string
}

// Used by the TODOs; delete this line when they are written.
var _, _, _, _, _ = emailPattern, verifyPassword, strings.TrimSpace, readRegistration, clientIP

var emailPattern = regexp.MustCompile(`^[^\s@]+@[^\s@]+\.[^\s@]+$`)

// publicUser is what a client sees of a user: never the password hash.
func publicUser(u *user) map[string]any {
	return map[string]any{"id": u.ID, "email": u.Email, "role": u.Role}
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// writeError answers {"error": "..."}, as every error does.
func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}

// readObject decodes a JSON object body; ok false for anything else (not JSON, an array, …).
func readObject(r *http.Request) (body map[string]any, ok bool) {
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body == nil {
		return nil, false
	}
	return body, true
}

// readRegistration (milestone 1): the email (trimmed, lower case) and password of a register body,
// or what is wrong.
func readRegistration(body map[string]any) (email, password, problem string) {
	// TODO (milestone 1): a string "email" (something, one @, something with a dot in it) and a
	//   string "password" of 8 to 128 characters; other keys are ignored.
	return "", "", "registration is not written yet (milestone 1)"
}

func newApp(s settings) http.Handler {
	// Checked against when the email is unknown, so an unknown email costs as long as a wrong password
	// ("" until hashPassword is written).
	decoy, _ := hashPassword("not-anyone-s-password")
	a := &app{
		settings:  s,
		users:     &userStore{},
		sessions:  newSessionStore(),
		byAccount: newLimiter(maxFailuresPerAccount, s.loginWindow),
		byIP:      newLimiter(maxFailuresPerIP, s.loginWindow),
		decoy:     decoy,
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	// TODO (milestone 1): mux.HandleFunc("POST /auth/register", a.register) and "POST /auth/login".
	// TODO (milestone 2): "POST /auth/refresh", and "GET /me" behind a.requireAuth.
	// TODO (milestone 3): "POST /auth/logout" and "POST /auth/logout-all", behind a.requireAuth.
	// TODO (milestone 5): "GET /admin/users" behind a.requireAuth and requireRole("admin", ...).
	_ = a // delete this line once a route uses a
	return mux
}

// tokens is what login (from milestone 2) and refresh answer beside user.
func (a *app) tokens(userID int, sessionID, refreshToken string) (map[string]any, error) {
	access, err := signAccessToken(a.secret, userID, sessionID, a.accessTokenSeconds)
	if err != nil {
		return nil, err
	}
	return map[string]any{"accessToken": access, "refreshToken": refreshToken, "tokenType": "Bearer", "expiresIn": a.accessTokenSeconds}, nil
}

// clientIP is the address the request came from (milestone 4 counts failures per IP).
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// TODO (milestone 1): register: readObject, then readRegistration (400 {"error"} when refused); 409
//   when the email is taken; a.users.insert(email, hash, role) with the hash of hashPassword and role
//   "admin" when a.adminEmails has the email, else "user"; 201 with publicUser(u).

// TODO (milestone 1): login {"email", "password"}: 400 unless both are strings; 401 {"error"} for an
//   unknown email and for a wrong password alike; 200 {"user": publicUser(u)}.
//   Milestone 2 adds accessToken, refreshToken, tokenType "Bearer" and expiresIn (a.tokens) from a
//   new session (a.sessions.start(u.ID)).
//   Milestone 4: before checking the password, 429 with Retry-After while the account (the email)
//   or the IP (clientIP(r)) must wait; count each failure for both; a success clears the account's.

// TODO (milestone 2): refresh {"refreshToken"}: 400 unless a non-empty string; 401 when
//   a.sessions.rotate refuses it; else 200 with a.tokens(...).

// TODO (milestone 2): me: 200 with publicUser(principalOf(r).user).

// TODO (milestone 3): logout ends principalOf(r).sessionID, logoutAll every session of the user; both
//   answer 204 with no body.

// TODO (milestone 5): adminUsers: 200 {"data": [every user, as publicUser]}.
