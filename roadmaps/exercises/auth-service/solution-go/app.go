package main

import (
	"encoding/json"
	"net"
	"net/http"
	"regexp"
	"strconv"
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
	email, _ = body["email"].(string)
	password, isString := body["password"].(string)
	email = strings.TrimSpace(email)
	if !emailPattern.MatchString(email) {
		return "", "", "email must be an email address"
	}
	if n := len([]rune(password)); !isString || n < 8 || n > 128 {
		return "", "", "password must be a string of 8 to 128 characters"
	}
	return strings.ToLower(email), password, ""
}

func newApp(s settings) http.Handler {
	// Checked against when the email is unknown, so an unknown email costs as long as a wrong password.
	decoy, err := hashPassword("not-anyone-s-password")
	if err != nil {
		panic(err)
	}
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
	mux.HandleFunc("POST /auth/register", a.register)
	mux.HandleFunc("POST /auth/login", a.login)
	mux.HandleFunc("POST /auth/refresh", a.refresh)
	mux.Handle("GET /me", a.requireAuth(http.HandlerFunc(a.me)))
	mux.Handle("POST /auth/logout", a.requireAuth(http.HandlerFunc(a.logout)))
	mux.Handle("POST /auth/logout-all", a.requireAuth(http.HandlerFunc(a.logoutAll)))
	mux.Handle("GET /admin/users", a.requireAuth(requireRole("admin", http.HandlerFunc(a.adminUsers))))
	return mux
}

func (a *app) tokens(userID int, sessionID, refreshToken string) (map[string]any, error) {
	access, err := signAccessToken(a.secret, userID, sessionID, a.accessTokenSeconds)
	if err != nil {
		return nil, err
	}
	return map[string]any{"accessToken": access, "refreshToken": refreshToken, "tokenType": "Bearer", "expiresIn": a.accessTokenSeconds}, nil
}

func (a *app) register(w http.ResponseWriter, r *http.Request) {
	body, ok := readObject(r)
	if !ok {
		writeError(w, http.StatusBadRequest, "send a JSON object")
		return
	}
	email, password, problem := readRegistration(body)
	if problem != "" {
		writeError(w, http.StatusBadRequest, problem)
		return
	}
	if a.users.findByEmail(email) != nil {
		writeError(w, http.StatusConflict, "that email is already registered")
		return
	}
	hash, err := hashPassword(password)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "something went wrong")
		return
	}
	role := "user"
	if a.adminEmails[email] {
		role = "admin"
	}
	u := a.users.insert(email, hash, role)
	if u == nil { // registered meanwhile, by a request that raced this one
		writeError(w, http.StatusConflict, "that email is already registered")
		return
	}
	writeJSON(w, http.StatusCreated, publicUser(u))
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (a *app) login(w http.ResponseWriter, r *http.Request) {
	body, _ := readObject(r)
	email, emailOK := body["email"].(string)
	password, passwordOK := body["password"].(string)
	if !emailOK || !passwordOK {
		writeError(w, http.StatusBadRequest, `send {"email": "...", "password": "..."}`)
		return
	}
	account, ip := strings.ToLower(strings.TrimSpace(email)), clientIP(r)
	if wait := max(a.byAccount.retryAfter(account), a.byIP.retryAfter(ip)); wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(wait))
		writeError(w, http.StatusTooManyRequests, "too many failed logins; try again in "+strconv.Itoa(wait)+" s")
		return
	}
	u := a.users.findByEmail(account)
	stored := a.decoy // an unknown email costs as long as a wrong password
	if u != nil {
		stored = u.PasswordHash
	}
	if ok := verifyPassword(password, stored); !ok || u == nil {
		a.byAccount.fail(account)
		a.byIP.fail(ip)
		writeError(w, http.StatusUnauthorized, "wrong email or password")
		return
	}
	a.byAccount.reset(account)
	sessionID, refreshToken := a.sessions.start(u.ID)
	answer, err := a.tokens(u.ID, sessionID, refreshToken)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "something went wrong")
		return
	}
	answer["user"] = publicUser(u)
	writeJSON(w, http.StatusOK, answer)
}

func (a *app) refresh(w http.ResponseWriter, r *http.Request) {
	body, _ := readObject(r)
	token, _ := body["refreshToken"].(string)
	if token == "" {
		writeError(w, http.StatusBadRequest, `send {"refreshToken": "..."}`)
		return
	}
	userID, sessionID, next, ok := a.sessions.rotate(token)
	if !ok || a.users.get(userID) == nil {
		writeError(w, http.StatusUnauthorized, "the refresh token is not valid; log in again")
		return
	}
	answer, err := a.tokens(userID, sessionID, next)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "something went wrong")
		return
	}
	writeJSON(w, http.StatusOK, answer)
}

func (a *app) me(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, publicUser(principalOf(r).user))
}

func (a *app) logout(w http.ResponseWriter, r *http.Request) {
	a.sessions.end(principalOf(r).sessionID)
	w.WriteHeader(http.StatusNoContent)
}

func (a *app) logoutAll(w http.ResponseWriter, r *http.Request) {
	a.sessions.endAll(principalOf(r).user.ID)
	w.WriteHeader(http.StatusNoContent)
}

func (a *app) adminUsers(w http.ResponseWriter, r *http.Request) {
	data := []map[string]any{}
	for _, u := range a.users.all() {
		data = append(data, publicUser(u))
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data})
}
