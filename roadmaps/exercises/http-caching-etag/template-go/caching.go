// HTTP caching rules: validators on GET, conditional GETs answered with 304, conditional PUTs.
// Read README.md first; it lists every rule the check tests.
package main

import (
	"net/http"
	"time"
)

// etagOf is a strong ETag for these bytes: a hash of the content, in double quotes. The same bytes
// always give the same ETag; different bytes give a different one.
func etagOf(content []byte) string {
	// TODO: hash the bytes (crypto/sha256: sha256.Sum256), encode the digest (encoding/hex or
	// base64.RawURLEncoding) and put it in double quotes. No W/ in front: this is a strong validator.
	return ""
}

// writeCacheable answers a GET with this JSON representation: 200 with the body, or 304 Not
// Modified with no body when the client's copy is still good.
func writeCacheable(w http.ResponseWriter, r *http.Request, content []byte, lastModified time.Time) {
	// TODO 1: headers on every answer (200 and 304): ETag (etagOf(content)), Last-Modified
	//   (lastModified.Format(http.TimeFormat)) and Cache-Control: no-cache.
	// TODO 2: If-None-Match (r.Header.Get("If-None-Match")): "*" or a comma-separated list of tags,
	//   compared weakly (W/"x" matches "x"). A match answers 304 with no body.
	// TODO 3: only when there is no If-None-Match: If-Modified-Since (an HTTP date, http.ParseTime).
	//   Not modified since then (lastModified not after that date) answers 304; a date that does not
	//   parse is ignored.
	w.Header().Set("Content-Type", "application/json")
	w.Write(content)
}

// preconditionFailure says whether a PUT may replace the resource whose current ETag is currentETag:
// 0 when it may; otherwise the status to answer: 428 without If-Match, 412 when If-Match does not
// match.
func preconditionFailure(r *http.Request, currentETag string) int {
	// TODO: If-Match (r.Header.Get("If-Match")) is required (428, http.StatusPreconditionRequired,
	//   without it). "*" or a list of tags, compared strongly: a weak tag (W/"...") never matches.
	//   No match: 412 (http.StatusPreconditionFailed).
	return 0
}
