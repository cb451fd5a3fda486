package main

import (
	"context"
	"net/http"
	"strings"
)

// Used by the TODOs below; delete this line when they are written.
var _, _, _ = context.WithValue, strings.CutPrefix, refuse

type principalKey struct{}

// principal is who is asking: the stored user and the session of their access token.
type principal struct {
	user      *user
	sessionID string
}

// principalOf answers the principal requireAuth put in the request's context.
func principalOf(r *http.Request) principal {
	p, _ := r.Context().Value(principalKey{}).(principal)
	return p
}

func refuse(w http.ResponseWriter, message string) {
	w.Header().Set("WWW-Authenticate", "Bearer")
	writeError(w, http.StatusUnauthorized, message)
}

// requireAuth (milestones 2 and 3) lets a request through only with `Authorization: Bearer <access
// token>` that is valid, of a user that exists, in a session that has not ended; it puts the
// principal in the request's context. Anything else answers 401 with WWW-Authenticate: Bearer.
func (a *app) requireAuth(next http.Handler) http.Handler {
	// TODO (milestone 2): the Bearer token, verifyAccessToken, a.users.get; refuse(w, ...) for anything
	//   wrong; then next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), principalKey{},
	//   principal{...}))). Milestone 3: also refuse a session that is not a.sessions.isActive.
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusInternalServerError, "requireAuth is not written yet (milestone 2)")
	})
}

// requireRole (milestone 5), after requireAuth, lets only users with this role through; others get 403.
func requireRole(role string, next http.Handler) http.Handler {
	// TODO (milestone 5): 403 unless principalOf(r).user has this role.
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusInternalServerError, "requireRole is not written yet (milestone 5)")
	})
}
