package main

import (
	"context"
	"net/http"
	"strings"
)

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
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, found := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !found || token == "" || strings.ContainsAny(token, " \t") {
			refuse(w, "send Authorization: Bearer <access token>")
			return
		}
		userID, sessionID, ok := verifyAccessToken(a.secret, token)
		if !ok {
			refuse(w, "the access token is not valid")
			return
		}
		if !a.sessions.isActive(sessionID) {
			refuse(w, "this session has ended; log in again")
			return
		}
		u := a.users.get(userID)
		if u == nil {
			refuse(w, "the access token is not valid")
			return
		}
		ctx := context.WithValue(r.Context(), principalKey{}, principal{user: u, sessionID: sessionID})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// requireRole (milestone 5), after requireAuth, lets only users with this role through; others get 403.
func requireRole(role string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p := principalOf(r); p.user == nil || p.user.Role != role {
			writeError(w, http.StatusForbidden, "only "+role+"s may do this")
			return
		}
		next.ServeHTTP(w, r)
	})
}
