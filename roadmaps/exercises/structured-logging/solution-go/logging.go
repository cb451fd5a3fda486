package main

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// newLogger writes JSON lines to w from level up ("debug", "info", "warn", "error"): "time" (RFC 3339),
// "level" in lower case, "msg", and the attributes logged. In a group named "headers", the
// attributes "authorization" and "cookie" are written as "[REDACTED]".
func newLogger(w io.Writer, level string) *slog.Logger {
	var minLevel slog.Level
	if err := minLevel.UnmarshalText([]byte(level)); err != nil {
		minLevel = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{
		Level: minLevel,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.LevelKey {
				return slog.String(slog.LevelKey, strings.ToLower(a.Value.String()))
			}
			// Redacted where every line is written, so no handler or route can forget it.
			if len(groups) == 1 && groups[0] == "headers" && (a.Key == "authorization" || a.Key == "cookie") {
				return slog.String(a.Key, "[REDACTED]")
			}
			return a
		},
	}))
}

type loggerKey struct{}

// loggerFrom is the request's logger (one that carries its requestId), or slog's default outside one.
func loggerFrom(ctx context.Context) *slog.Logger {
	if l, ok := ctx.Value(loggerKey{}).(*slog.Logger); ok {
		return l
	}
	return slog.Default()
}

var validID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// requestIDOf is the caller's X-Request-Id if valid (1 to 64 of A-Z a-z 0-9 . _ -), else a new
// random UUID (version 4).
func requestIDOf(header string) string {
	if validID.MatchString(header) {
		return header
	}
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // the RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// statusRecorder remembers the status a handler sent (200 when it writes without WriteHeader).
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(status int) {
	s.status = status
	s.ResponseWriter.WriteHeader(status)
}

// withRequestLogging wraps one route (route is its template, or "unmatched"): the request id, sent
// back as X-Request-Id; a logger carrying it in the request's context; and, when the handler
// returns, one "request completed" line with method, route, status, durationMs and headers, at
// error (5xx), warn (4xx) or info.
func withRequestLogging(logger *slog.Logger, route string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started := time.Now()
		id := requestIDOf(r.Header.Get("X-Request-Id"))
		w.Header().Set("X-Request-Id", id)
		reqLogger := logger.With("requestId", id)
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			level := slog.LevelInfo
			if rec.status >= 500 {
				level = slog.LevelError
			} else if rec.status >= 400 {
				level = slog.LevelWarn
			}
			headers := make([]any, 0, len(r.Header))
			for name, values := range r.Header {
				headers = append(headers, slog.String(strings.ToLower(name), strings.Join(values, ", ")))
			}
			reqLogger.Log(r.Context(), level, "request completed",
				"method", r.Method,
				"route", route,
				"status", rec.status,
				"durationMs", float64(time.Since(started).Microseconds())/1000,
				slog.Group("headers", headers...),
			)
		}()
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), loggerKey{}, reqLogger)))
	})
}
