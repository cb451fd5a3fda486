package main

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// loginFailed is one message for "no such user" and "wrong password", so the API doesn't tell an
// attacker which usernames exist.
const loginFailed = "Invalid username or password"

// user is what is stored: the bcrypt hash, never the password.
type user struct {
	Username     string
	PasswordHash string
}

// accounts keeps the users in memory. Handlers run at the same time, each request in its own
// goroutine: lock mu around every read or write of users, never while hashing.
type accounts struct {
	mu    sync.Mutex
	users map[string]*user
	cost  int // bcrypt cost for new hashes; older, cheaper hashes are upgraded at login

	dummyHash func() string // a hash of a random password, made once when first needed
}

func newAccounts(cost int) *accounts {
	dummy := sync.OnceValue(func() string {
		random := make([]byte, 16)
		_, _ = rand.Read(random)
		hash, _ := hashPassword(hex.EncodeToString(random), cost)
		return hash
	})
	return &accounts{users: map[string]*user{}, cost: cost, dummyHash: dummy}
}

// credentials is the body of POST /register and POST /login. Pointers tell "missing" (nil) from "".
type credentials struct {
	Username *string `json:"username"`
	Password *string `json:"password"`
}

func (a *accounts) register(mux *http.ServeMux, adminToken string) {
	mux.HandleFunc("POST /register", a.handleRegister)
	mux.HandleFunc("POST /login", a.handleLogin)

	// Already done: admin routes, to see what is stored and to import users from an older system.
	// Your public API never sends a hash; these are for an administrator (and the checks) only.
	mux.Handle("GET /admin/users/{username}", requireAdmin(adminToken, http.HandlerFunc(a.handleShowUser)))
	mux.Handle("PUT /admin/users/{username}", requireAdmin(adminToken, http.HandlerFunc(a.handleImportUser)))
}

// Done: POST /register checks the body, hashes the password and stores the user.
func (a *accounts) handleRegister(w http.ResponseWriter, r *http.Request) {
	var in credentials
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		writeError(w, http.StatusBadRequest, "the body must be a JSON object with string \"username\" and \"password\"")
		return
	}
	if problem := checkCredentials(in); problem != "" {
		writeError(w, http.StatusBadRequest, problem)
		return
	}
	name := strings.TrimSpace(*in.Username)
	if a.exists(name) {
		writeError(w, http.StatusConflict, "Username is taken")
		return
	}
	hash, err := hashPassword(*in.Password, a.cost)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}

	a.mu.Lock()
	// Hashing took a while: check again in case the same name registered meanwhile.
	_, taken := a.users[name]
	if !taken {
		a.users[name] = &user{Username: name, PasswordHash: hash}
	}
	a.mu.Unlock()
	if taken {
		writeError(w, http.StatusConflict, "Username is taken")
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"username": name})
}

func (a *accounts) handleLogin(w http.ResponseWriter, r *http.Request) {
	var in credentials
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Username == nil || in.Password == nil {
		writeError(w, http.StatusBadRequest, "\"username\" and \"password\" are required strings")
		return
	}
	password := *in.Password

	a.mu.Lock()
	u, found := a.users[strings.TrimSpace(*in.Username)]
	var stored string
	if found {
		stored = u.PasswordHash
	}
	a.mu.Unlock()

	// An unknown user is checked against a dummy hash, so it costs as much time as a wrong password.
	if !found {
		stored = a.dummyHash()
	}
	if !verifyPassword(password, stored) || !found {
		writeError(w, http.StatusUnauthorized, loginFailed)
		return
	}

	// The only moment we hold the password again: upgrade a hash made with a lower cost.
	if needsRehash(stored, a.cost) {
		if upgraded, err := hashPassword(password, a.cost); err == nil {
			a.mu.Lock()
			// Only if nobody changed it meanwhile.
			if u.PasswordHash == stored {
				u.PasswordHash = upgraded
			}
			a.mu.Unlock()
		}
	}
	writeJSON(w, http.StatusOK, map[string]string{"username": u.Username})
}

func (a *accounts) exists(name string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	_, ok := a.users[name]
	return ok
}

// checkCredentials says why a registration is refused, or "" when it is fine.
func checkCredentials(in credentials) string {
	if in.Username == nil || strings.TrimSpace(*in.Username) == "" {
		return "\"username\" is required and must be a non-empty string"
	}
	if in.Password == nil || utf8.RuneCountInString(*in.Password) < 8 {
		return "\"password\" is required and must have at least 8 characters"
	}
	if len(*in.Password) > maxBytes { // len counts bytes
		return "\"password\" must be at most 72 bytes"
	}
	return ""
}

// requireAdmin lets a request through only with "Authorization: Bearer <adminToken>".
func requireAdmin(adminToken string, next http.Handler) http.Handler {
	want := []byte("Bearer " + adminToken)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := []byte(r.Header.Get("Authorization"))
		// ConstantTimeCompare takes as long whatever the mismatch, so timing does not give the token away.
		if adminToken == "" || subtle.ConstantTimeCompare(got, want) != 1 {
			writeError(w, http.StatusUnauthorized, "Admin token required")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *accounts) handleShowUser(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	u, ok := a.users[r.PathValue("username")]
	var shown map[string]string
	if ok {
		shown = map[string]string{"username": u.Username, "passwordHash": u.PasswordHash}
	}
	a.mu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, "No such user")
		return
	}
	writeJSON(w, http.StatusOK, shown)
}

var bcryptHash = regexp.MustCompile(`^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$`)

// handleImportUser stores a user whose bcrypt hash was made elsewhere (maybe with a lower cost).
func (a *accounts) handleImportUser(w http.ResponseWriter, r *http.Request) {
	var in struct {
		PasswordHash string `json:"passwordHash"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || !bcryptHash.MatchString(in.PasswordHash) {
		writeError(w, http.StatusBadRequest, "\"passwordHash\" must be a bcrypt hash")
		return
	}
	name := r.PathValue("username")
	a.mu.Lock()
	a.users[name] = &user{Username: name, PasswordHash: in.PasswordHash}
	a.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}
