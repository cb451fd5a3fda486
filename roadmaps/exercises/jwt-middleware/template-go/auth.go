package main

import (
	"context"
	"net/http"

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
	// TODO: return an error right here when secret is empty, so a misconfigured server fails at
	//       start-up instead of accepting or rejecting every request later.

	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			// TODO:
			// 1. Read the Authorization header. It must be exactly "Bearer <token>"; otherwise
			//    answer 401. Only the header counts: a token in the URL (?access_token=) is not accepted.
			// 2. Verify the token with a jwt.Parser made with jwt.WithValidMethods([]string{"HS256"}),
			//    into a jwt.MapClaims, with a key function that returns []byte(secret).
			//    It fails when the token expired (errors.Is(err, jwt.ErrTokenExpired)), is badly
			//    signed, malformed, not valid yet, or uses another algorithm.
			// 3. Valid: store the claims in the context under userKey{} and call next.ServeHTTP
			//    with r.WithContext(...). Invalid: answer 401; say "expired" in the error when that
			//    is the reason.
			next.ServeHTTP(w, r) // wrong: lets everyone in
		})
	}, nil
}
