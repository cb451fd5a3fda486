package main

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// userKey is the context key under which requireAuth stores a verified token's claims. An unexported
// type of its own, so no other package can collide with it.
type userKey struct{}

// userFrom returns the claims requireAuth stored in the request's context (sub, name, iat, exp, ...),
// or nil when there are none.
func userFrom(ctx context.Context) jwt.MapClaims {
	claims, _ := ctx.Value(userKey{}).(jwt.MapClaims)
	return claims
}

// requireAuth returns a middleware that lets a request through only with a valid
// "Authorization: Bearer <token>". On success the next handler finds the token's claims with
// userFrom(r.Context()). On failure it answers 401 with a "WWW-Authenticate: Bearer" header and a
// JSON { "error": "..." }.
func requireAuth(secret string) (func(http.Handler) http.Handler, error) {
	if secret == "" {
		return nil, errors.New("requireAuth needs a secret to verify tokens")
	}
	key := []byte(secret)
	// The server says which algorithm it uses; the token's own "alg" header gets no say. exp and
	// nbf are checked by default whenever the token has them.
	parser := jwt.NewParser(jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}))
	keyFunc := func(*jwt.Token) (any, error) { return key, nil }

	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			header := r.Header.Get("Authorization")
			if header == "" {
				unauthorized(w, "no Authorization header", false)
				return
			}
			scheme, token, found := strings.Cut(header, " ")
			// One scheme (any letter case, RFC 7235), one space, one token with no spaces in it.
			if !found || !strings.EqualFold(scheme, "Bearer") || token == "" || strings.ContainsAny(token, " \t") {
				unauthorized(w, `expected "Authorization: Bearer <token>"`, false)
				return
			}
			claims := jwt.MapClaims{}
			if _, err := parser.ParseWithClaims(token, claims, keyFunc); err != nil {
				if errors.Is(err, jwt.ErrTokenExpired) {
					unauthorized(w, "token expired", true)
				} else {
					unauthorized(w, "invalid token", true)
				}
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, claims)))
		})
	}, nil
}

// unauthorized answers 401. RFC 6750: every 401 names the scheme; error="invalid_token" once a
// token was actually sent.
func unauthorized(w http.ResponseWriter, message string, tokenSent bool) {
	challenge := "Bearer"
	if tokenSent {
		challenge = `Bearer error="invalid_token"`
	}
	w.Header().Set("WWW-Authenticate", challenge)
	writeError(w, http.StatusUnauthorized, message)
}
