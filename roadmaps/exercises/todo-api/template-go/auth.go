// Milestone 5: who is asking, from a bearer token.
package main

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

// jwt.Parse(token, keyFunc, jwt.WithValidMethods([]string{"HS256"})) verifies a token.
var _ = jwt.Parse

// requireUser lets a request through only with "Authorization: Bearer <token>", a JWT signed with
// secret (HS256), not expired, with a non-empty sub; the handler then finds the user with userOf.
// Anything else answers 401 with "WWW-Authenticate: Bearer" and {"error": ...}.
func requireUser(secret string, next http.Handler) http.Handler {
	// TODO (milestone 5): keep the user in the request's context (context.WithValue).
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotImplemented, "requireUser is not written yet (milestone 5)")
	})
}

// userOf is the user requireUser let through.
func userOf(r *http.Request) string {
	// TODO (milestone 5)
	return ""
}
