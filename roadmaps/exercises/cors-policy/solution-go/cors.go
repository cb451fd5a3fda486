// The CORS policy: which other origins' scripts may read this API's answers, and what they may send.
package main

import (
	"net/http"
	"slices"
	"strings"
)

// allowedHeaders are the request headers a cross-origin script may send (compared without regard to case).
var allowedHeaders = []string{"Content-Type", "Authorization"}

// maxAge is how long (seconds) a browser may reuse a preflight's answer.
const maxAge = "600"

// parseOrigins reads the allowlist from CORS_ORIGINS: exact origins separated by commas, spaces
// around them ignored, empty entries dropped. "https://app.example.com, http://localhost:5173" → two.
func parseOrigins(value string) []string {
	origins := []string{}
	for _, origin := range strings.Split(value, ",") {
		if origin = strings.TrimSpace(origin); origin != "" {
			origins = append(origins, origin)
		}
	}
	return origins
}

// isAllowedOrigin is true only for an origin that is, byte for byte, one of the allowlist's.
// A missing Origin header arrives as "".
func isAllowedOrigin(origin string, allowed []string) bool {
	return origin != "" && slices.Contains(allowed, origin)
}

// corsPolicy works out the CORS headers for one request to a route that supports routeMethods
// ([]string{"GET", "POST"}). preflight is true for an OPTIONS request that carries
// Access-Control-Request-Method: the caller answers it with 204 and stops there.
func corsPolicy(r *http.Request, routeMethods, allowed []string) (preflight bool, headers http.Header) {
	preflight = r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
	headers = http.Header{}
	// Whether the CORS headers are sent, and which, depends on these request headers: caches must
	// keep one copy per value.
	if preflight {
		headers.Set("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
	} else {
		headers.Set("Vary", "Origin")
	}
	origin := r.Header.Get("Origin")
	if !isAllowedOrigin(origin, allowed) {
		return preflight, headers
	}

	headers.Set("Access-Control-Allow-Origin", origin)
	headers.Set("Access-Control-Allow-Credentials", "true")
	if preflight {
		headers.Set("Access-Control-Allow-Methods", strings.Join(routeMethods, ", "))
		headers.Set("Access-Control-Allow-Headers", strings.Join(allowedHeaders, ", "))
		headers.Set("Access-Control-Max-Age", maxAge)
	}
	return preflight, headers
}
