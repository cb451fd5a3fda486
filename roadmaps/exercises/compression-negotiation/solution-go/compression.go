// Content negotiation for compression. Read README.md first; it lists every rule the check tests.
package main

import (
	"compress/gzip"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

var textTypes = regexp.MustCompile(`(?i)^(text/|application/json|application/javascript|image/svg\+xml)`)

// unlistedIdentity is how much identity is wanted when nothing names it: acceptable, but behind any
// coding that is listed.
const unlistedIdentity = 0.0001

// parseAcceptEncoding reads Accept-Encoding as a map from coding (lower case) to its q value (0 to
// 1, default 1): "gzip;q=0.8, br, *;q=0.1" -> {"gzip": 0.8, "br": 1, "*": 0.1}.
func parseAcceptEncoding(header string) map[string]float64 {
	codings := map[string]float64{}
	for _, entry := range strings.Split(header, ",") {
		parts := strings.Split(entry, ";")
		name := strings.ToLower(strings.TrimSpace(parts[0]))
		if name == "" {
			continue
		}
		q, ok := 1.0, true
		for _, param := range parts[1:] {
			key, value, _ := strings.Cut(param, "=")
			if strings.EqualFold(strings.TrimSpace(key), "q") {
				parsed, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
				q, ok = min(max(parsed, 0), 1), err == nil
			}
		}
		if ok {
			codings[name] = q
		}
	}
	return codings
}

// isCompressible says whether a body of this type and size is worth compressing: text-like types
// of at least 1024 bytes.
func isCompressible(contentType string, size int) bool {
	return textTypes.MatchString(contentType) && size >= 1024
}

// chooseEncoding returns "gzip", "identity", or "" when no acceptable coding is left (a 406), for
// this Accept-Encoding header (sent is false when the request had none) and a body that is or is
// not worth compressing.
func chooseEncoding(header string, sent, compressible bool) string {
	if !sent {
		return "identity"
	}
	codings := parseAcceptEncoding(header)
	qOf := func(coding string, fallback float64) float64 {
		if q, listed := codings[coding]; listed {
			return q
		}
		if q, listed := codings["*"]; listed {
			return q
		}
		return fallback
	}
	gzipQ, identityQ := qOf("gzip", 0), qOf("identity", unlistedIdentity)
	switch {
	case gzipQ > 0 && (identityQ == 0 || (compressible && gzipQ >= identityQ)):
		return "gzip"
	case identityQ > 0:
		return "identity"
	}
	return ""
}

// writeNegotiated writes the body, compressed when chooseEncoding says so, with Vary:
// Accept-Encoding on every answer.
func writeNegotiated(w http.ResponseWriter, r *http.Request, status int, contentType string, body []byte) {
	_, sent := r.Header["Accept-Encoding"]
	encoding := chooseEncoding(strings.Join(r.Header.Values("Accept-Encoding"), ","), sent, isCompressible(contentType, len(body)))
	// Whatever was chosen, the answer depends on Accept-Encoding: caches must key on it.
	w.Header().Set("Vary", "Accept-Encoding")
	switch encoding {
	case "":
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotAcceptable)
		w.Write([]byte(`{"error":"No acceptable content coding: this server offers gzip and identity"}`))
	case "gzip":
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Content-Encoding", "gzip")
		w.WriteHeader(status)
		zw := gzip.NewWriter(w)
		zw.Write(body)
		zw.Close()
	default:
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		w.Write(body)
	}
}
