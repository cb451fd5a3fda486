// W3C Trace Context, by hand: https://www.w3.org/TR/trace-context/
// traceparent = version "-" trace-id "-" parent-id "-" trace-flags, all lower-case hex:
//
//	00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"os"
	"strconv"
	"strings"
)

// Traceparent holds the four fields of a valid traceparent header.
type Traceparent struct {
	Version, TraceID, ParentID, Flags string
}

// Span is this service's span for one request.
type Span struct {
	TraceID      string
	SpanID       string
	ParentSpanID string // the caller's span id; "" for a new trace (logged as null)
	Sampled      bool
	Tracestate   string // the tracestate to pass on; "" when there is none
}

// lowerHex: exactly n characters, each 0-9 or a-f (hex.DecodeString would also take A-F).
func lowerHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range []byte(s) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func allZeros(s string) bool { return strings.Trim(s, "0") == "" }

// parseTraceparent returns the parts of a traceparent header, and false when it is missing or
// invalid (then the caller starts a new trace). Version 00 is exactly 55 characters; a later
// version (not ff) may carry more after the flags, behind a "-", and its first four fields are
// read the same way.
func parseTraceparent(header string) (Traceparent, bool) {
	if len(header) < 55 {
		return Traceparent{}, false
	}
	version := header[0:2]
	if !lowerHex(version, 2) || version == "ff" {
		return Traceparent{}, false
	}
	if len(header) > 55 && (version == "00" || header[55] != '-') {
		return Traceparent{}, false
	}
	if header[2] != '-' || header[35] != '-' || header[52] != '-' {
		return Traceparent{}, false
	}
	tp := Traceparent{Version: version, TraceID: header[3:35], ParentID: header[36:52], Flags: header[53:55]}
	if !lowerHex(tp.TraceID, 32) || !lowerHex(tp.ParentID, 16) || !lowerHex(tp.Flags, 2) {
		return Traceparent{}, false
	}
	if allZeros(tp.TraceID) || allZeros(tp.ParentID) {
		return Traceparent{}, false
	}
	return tp, true
}

// randomHex is n random bytes as lower-case hex, never all zeros.
func randomHex(n int) string {
	b := make([]byte, n)
	for {
		if _, err := rand.Read(b); err != nil {
			panic(err) // the system's random source is broken: nothing sensible to do
		}
		if s := hex.EncodeToString(b); !allZeros(s) {
			return s
		}
	}
}

// startSpan is this service's span for a request with these headers: the caller's trace continued
// when its traceparent is valid, otherwise a new trace (sampled). The span id is always new.
func startSpan(h http.Header) Span {
	parent, ok := parseTraceparent(h.Get("traceparent"))
	if !ok {
		return Span{TraceID: randomHex(16), SpanID: randomHex(8), Sampled: true}
	}
	flags, _ := strconv.ParseUint(parent.Flags, 16, 8)
	return Span{
		TraceID:      parent.TraceID,
		SpanID:       randomHex(8),
		ParentSpanID: parent.ParentID,
		Sampled:      flags&1 == 1,
		Tracestate:   h.Get("tracestate"),
	}
}

// traceparent is the header naming this span: version 00, flags 01 when sampled, 00 when not.
func (s Span) traceparent() string {
	flags := "00"
	if s.Sampled {
		flags = "01"
	}
	return "00-" + s.TraceID + "-" + s.SpanID + "-" + flags
}

// setOutgoingHeaders sets the headers for a call this span makes to another service: traceparent,
// and tracestate if one came.
func setOutgoingHeaders(h http.Header, s Span) {
	h.Set("traceparent", s.traceparent())
	if s.Tracestate != "" {
		h.Set("tracestate", s.Tracestate)
	}
}

type spanKey struct{}

// spanFrom is the span withTracing stored in the request's context.
func spanFrom(ctx context.Context) Span {
	span, _ := ctx.Value(spanKey{}).(Span)
	return span
}

// statusRecorder remembers the status the route answered with.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

type logLine struct {
	TraceID      string  `json:"trace_id"`
	SpanID       string  `json:"span_id"`
	ParentSpanID *string `json:"parent_span_id"`
	Sampled      bool    `json:"sampled"`
	Method       string  `json:"method"`
	Path         string  `json:"path"`
	Status       int     `json:"status"`
}

// withTracing runs first for every request: it starts the span, stores it in the context for the
// routes, sets the traceparent response header, and writes one JSON line on stdout when the route
// has answered: {"trace_id","span_id","parent_span_id","sampled","method","path","status"}.
func withTracing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		span := startSpan(r.Header)
		w.Header().Set("traceparent", span.traceparent())
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), spanKey{}, span)))
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		line := logLine{
			TraceID: span.TraceID, SpanID: span.SpanID, Sampled: span.Sampled,
			Method: r.Method, Path: r.URL.Path, Status: rec.status,
		}
		if span.ParentSpanID != "" {
			line.ParentSpanID = &span.ParentSpanID
		}
		// One Write per line, so lines of requests served at the same time never interleave.
		if b, err := json.Marshal(line); err == nil {
			_, _ = os.Stdout.Write(append(b, '\n'))
		}
	})
}
