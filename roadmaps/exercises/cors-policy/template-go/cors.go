// The CORS policy: which other origins' scripts may read this API's answers, and what they may send.
package main

import (
	"net/http"
)

// allowedHeaders are the request headers a cross-origin script may send (compared without regard to case).
var allowedHeaders = []string{"Content-Type", "Authorization"}

// maxAge is how long (seconds) a browser may reuse a preflight's answer.
const maxAge = "600"

// parseOrigins reads the allowlist from CORS_ORIGINS: exact origins separated by commas, spaces
// around them ignored, empty entries dropped. "https://app.example.com, http://localhost:5173" → two.
func parseOrigins(value string) []string {
	// TODO: split on commas (strings.Split), trim each entry (strings.TrimSpace), drop the empty ones.
	return []string{}
}

// isAllowedOrigin is true only for an origin that is, byte for byte, one of the allowlist's.
// A missing Origin header arrives as "".
func isAllowedOrigin(origin string, allowed []string) bool {
	// TODO: compare whole strings (slices.Contains). No prefixes, suffixes or strings.Contains:
	//       https://app.example.com.evil.test is not https://app.example.com. A missing Origin, or
	//       the literal "null", is never allowed.
	return false
}

// corsPolicy works out the CORS headers for one request to a route that supports routeMethods
// ([]string{"GET", "POST"}). preflight is true for an OPTIONS request that carries
// Access-Control-Request-Method: the caller answers it with 204 and stops there.
func corsPolicy(r *http.Request, routeMethods, allowed []string) (preflight bool, headers http.Header) {
	preflight = r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
	headers = http.Header{}
	// TODO: Vary on every answer: Origin; on a preflight also Access-Control-Request-Method and
	//       Access-Control-Request-Headers.
	// TODO: an origin that is not allowed gets no Access-Control-* header at all.
	// TODO: an allowed origin: Access-Control-Allow-Origin (that origin, never *) and
	//       Access-Control-Allow-Credentials: true.
	// TODO: a preflight from an allowed origin also gets Access-Control-Allow-Methods (the route's
	//       methods), Access-Control-Allow-Headers (allowedHeaders) and Access-Control-Max-Age.
	return preflight, headers
}
