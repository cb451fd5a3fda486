// Milestone 5: who is asking, from a bearer token.
package main

import (
	"context"
	"net/http"
	"regexp"

	"github.com/golang-jwt/jwt/v5"
)

type userKey struct{}

var bearer = regexp.MustCompile(`^Bearer (\S+)$`)

// requireUser lets a request through only with "Authorization: Bearer <token>", a JWT signed with
// secret (HS256), not expired, with a non-empty sub; the handler then finds the user with userOf.
// Anything else answers 401 with "WWW-Authenticate: Bearer" and {"error": ...}.
func requireUser(secret string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		refuse := func(message string) {
			w.Header().Set("WWW-Authenticate", "Bearer")
			writeError(w, http.StatusUnauthorized, message)
		}
		m := bearer.FindStringSubmatch(r.Header.Get("Authorization"))
		if m == nil {
			refuse("send Authorization: Bearer <token>")
			return
		}
		// Only the algorithm the server signs with: never "none", never one the token picks.
		token, err := jwt.Parse(m[1], func(*jwt.Token) (any, error) { return []byte(secret), nil },
			jwt.WithValidMethods([]string{"HS256"}))
		if err != nil || !token.Valid {
			refuse("the token is not valid")
			return
		}
		sub, err := token.Claims.GetSubject()
		if err != nil || sub == "" {
			refuse("the token names no user")
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, sub)))
	})
}

// userOf is the user requireUser let through.
func userOf(r *http.Request) string {
	user, _ := r.Context().Value(userKey{}).(string)
	return user
}
