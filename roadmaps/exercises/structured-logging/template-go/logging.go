package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
)

// newLogger writes JSON lines to w from level up ("debug", "info", "warn", "error"): "time" (RFC 3339),
// "level" in lower case, "msg", and the attributes logged. In a group named "headers", the
// attributes "authorization" and "cookie" are written as "[REDACTED]".
func newLogger(w io.Writer, level string) *slog.Logger {
	// TODO 1: parse level (slog.Level's UnmarshalText takes "debug", "info", ...); a JSON handler
	// with that Level and a ReplaceAttr that lowers the level's text and redacts the two headers.
	return slog.New(slog.NewJSONHandler(w, nil))
}

type loggerKey struct{}

// loggerFrom is the request's logger (one that carries its requestId), or slog's default outside one.
func loggerFrom(ctx context.Context) *slog.Logger {
	if l, ok := ctx.Value(loggerKey{}).(*slog.Logger); ok {
		return l
	}
	return slog.Default()
}

// requestIDOf is the caller's X-Request-Id if valid (1 to 64 of A-Z a-z 0-9 . _ -), else a new
// random UUID (version 4).
func requestIDOf(header string) string {
	// TODO 2: validate; otherwise 16 bytes from crypto/rand, with the version and variant bits set
	// (b[6] = b[6]&0x0f | 0x40; b[8] = b[8]&0x3f | 0x80), formatted as 8-4-4-4-12 hex digits.
	return header
}

// withRequestLogging wraps one route (route is its template, or "unmatched"): the request id, sent
// back as X-Request-Id; a logger carrying it in the request's context; and, when the handler
// returns, one "request completed" line with method, route, status, durationMs and headers, at
// error (5xx), warn (4xx) or info.
func withRequestLogging(logger *slog.Logger, route string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// TODO 3: the id and the response header; context.WithValue(r.Context(), loggerKey{},
		// logger.With("requestId", id)); a ResponseWriter wrapper that remembers the status; then
		// the access line. Headers as slog.Group("headers", ...) with lower-case names.
		next.ServeHTTP(w, r)
	})
}
