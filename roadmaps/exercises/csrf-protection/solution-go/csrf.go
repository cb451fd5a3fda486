// CSRF defences for state-changing requests: a per-session synchronizer token, and the Origin check.
package main

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
)

// newToken is a new CSRF token for a session: 32 random bytes as base64url.
func newToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// csrfProblem says why r must be refused, or "" when it may go ahead.
func csrfProblem(r *http.Request, s *session, appOrigin string) string {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return ""
	}
	// The browser sets Origin on cross-site requests and a page cannot fake it: compare it whole.
	if origins, ok := r.Header["Origin"]; ok && (len(origins) != 1 || origins[0] != appOrigin) {
		return "requests from " + r.Header.Get("Origin") + " are not allowed"
	}
	sent := r.Header.Get("X-CSRF-Token")
	if sent == "" || s == nil || s.CSRFToken == "" {
		return "missing CSRF token"
	}
	if subtle.ConstantTimeCompare([]byte(sent), []byte(s.CSRFToken)) != 1 {
		return "wrong CSRF token"
	}
	return ""
}
