// CSRF defences for state-changing requests: a per-session synchronizer token, and the Origin check.
package main

import (
	"net/http"
)

// newToken is a new CSRF token for a session.
func newToken() string {
	// TODO 1: 32 random bytes from crypto/rand, as base64.RawURLEncoding. One per session,
	//         unguessable.
	return "token"
}

// csrfProblem says why r must be refused, or "" when it may go ahead.
func csrfProblem(r *http.Request, s *session, appOrigin string) string {
	// TODO 2: GET, HEAD and OPTIONS change nothing: let them through.
	// TODO 3: when the request has an Origin header, it must be exactly appOrigin.
	// TODO 4: the X-CSRF-Token header must equal s.CSRFToken (subtle.ConstantTimeCompare), and a
	//         missing or empty token is wrong.
	return ""
}
