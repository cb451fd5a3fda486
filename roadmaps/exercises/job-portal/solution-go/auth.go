// Milestone 1: who is asking (a bearer token) and whether their role may do it.
package main

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// user is who sent the request: the token's sub and role ("employer" or "candidate").
type user struct {
	ID   string
	Role string
}

// authenticate reads "Authorization: Bearer <token>" and verifies the token (HS256, signed with the
// secret, not expired, with a sub). On failure it answers 401 itself and ok is false.
func (a *app) authenticate(w http.ResponseWriter, r *http.Request) (u user, ok bool) {
	refuse := func(message string) (user, bool) {
		w.Header().Set("WWW-Authenticate", "Bearer")
		writeError(w, http.StatusUnauthorized, message)
		return user{}, false
	}
	raw, found := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !found || raw == "" {
		return refuse("send Authorization: Bearer <token>")
	}
	claims := jwt.MapClaims{}
	// Only the algorithm the server signs with: never "none", never one the token picks.
	_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return a.secret, nil },
		jwt.WithValidMethods([]string{"HS256"}))
	if err != nil {
		return refuse("the token is not valid")
	}
	sub, err := claims.GetSubject()
	if err != nil || sub == "" {
		return refuse("the token names no user")
	}
	// The role comes from the signed token, never from the request body.
	role, _ := claims["role"].(string)
	return user{ID: sub, Role: role}, true
}

// requireRole is authenticate plus a role check: a valid token with another role answers 403.
func (a *app) requireRole(w http.ResponseWriter, r *http.Request, role string) (user, bool) {
	u, ok := a.authenticate(w, r)
	if !ok {
		return user{}, false
	}
	if u.Role != role {
		writeError(w, http.StatusForbidden, "only a user with the "+role+" role may do this")
		return user{}, false
	}
	return u, true
}
