// Content negotiation for compression. Read README.md first; it lists every rule the check tests.
package main

import (
	"net/http"
)

// parseAcceptEncoding reads Accept-Encoding as a map from coding (lower case) to its q value (0 to
// 1, default 1): "gzip;q=0.8, br, *;q=0.1" -> {"gzip": 0.8, "br": 1, "*": 0.1}.
func parseAcceptEncoding(header string) map[string]float64 {
	// TODO 1: split on commas; each entry is a coding and optional parameters after ";" (q=...).
	return map[string]float64{}
}

// isCompressible says whether a body of this type and size is worth compressing: text-like types
// of at least 1024 bytes.
func isCompressible(contentType string, size int) bool {
	// TODO 2: text/*, application/json, application/javascript, image/svg+xml; size >= 1024.
	return true
}

// chooseEncoding returns "gzip", "identity", or "" when no acceptable coding is left (a 406), for
// this Accept-Encoding header (sent is false when the request had none) and a body that is or is
// not worth compressing.
func chooseEncoding(header string, sent, compressible bool) string {
	// TODO 3: the rules of the README: the q of gzip and of identity (own entry, else "*", else the
	//   defaults), then gzip, identity or "".
	return "identity"
}

// writeNegotiated writes the body, compressed when chooseEncoding says so, with Vary:
// Accept-Encoding on every answer.
func writeNegotiated(w http.ResponseWriter, r *http.Request, status int, contentType string, body []byte) {
	// TODO 4: Vary: Accept-Encoding; gzip: Content-Encoding: gzip and the body through a
	//   gzip.NewWriter(w) (compress/gzip), closed at the end; "": 406 with a JSON error.
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	w.Write(body)
}
