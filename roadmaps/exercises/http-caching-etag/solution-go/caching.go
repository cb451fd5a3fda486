// HTTP caching rules: validators on GET, conditional GETs answered with 304, conditional PUTs.
// Read README.md first; it lists every rule the check tests.
package main

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// etagOf is a strong ETag for these bytes: a hash of the content, in double quotes. The same bytes
// always give the same ETag; different bytes give a different one.
func etagOf(content []byte) string {
	sum := sha256.Sum256(content)
	return `"` + base64.RawURLEncoding.EncodeToString(sum[:]) + `"`
}

var entityTag = regexp.MustCompile(`(?:W/)?"[^"]*"`)

// tags lists an If-None-Match or If-Match header: ["*"], or each entity-tag as written.
func tags(header string) []string {
	if strings.TrimSpace(header) == "*" {
		return []string{"*"}
	}
	return entityTag.FindAllString(header, -1)
}

func isWeak(tag string) bool { return strings.HasPrefix(tag, "W/") }

// notModified: does the client already hold this version?
func notModified(r *http.Request, etag string, lastModified time.Time) bool {
	if values, sent := r.Header["If-None-Match"]; sent {
		// If-None-Match decides alone, with the weak comparison (W/ ignored on both sides).
		for _, tag := range tags(strings.Join(values, ",")) {
			if tag == "*" || strings.TrimPrefix(tag, "W/") == strings.TrimPrefix(etag, "W/") {
				return true
			}
		}
		return false
	}
	since, err := http.ParseTime(r.Header.Get("If-Modified-Since"))
	return err == nil && !lastModified.After(since)
}

// writeCacheable answers a GET with this JSON representation: 200 with the body, or 304 Not
// Modified with no body when the client's copy is still good.
func writeCacheable(w http.ResponseWriter, r *http.Request, content []byte, lastModified time.Time) {
	etag := etagOf(content)
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Last-Modified", lastModified.UTC().Format(http.TimeFormat))
	h.Set("Cache-Control", "no-cache")
	if notModified(r, etag, lastModified) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", "application/json")
	w.Write(content)
}

// preconditionFailure says whether a PUT may replace the resource whose current ETag is currentETag:
// 0 when it may; otherwise the status to answer: 428 without If-Match, 412 when If-Match does not
// match.
func preconditionFailure(r *http.Request, currentETag string) int {
	values, sent := r.Header["If-Match"]
	if !sent {
		return http.StatusPreconditionRequired
	}
	for _, tag := range tags(strings.Join(values, ",")) {
		// Strong comparison: both tags strong and identical.
		if tag == "*" || (!isWeak(tag) && !isWeak(currentETag) && tag == currentETag) {
			return 0
		}
	}
	return http.StatusPreconditionFailed
}
