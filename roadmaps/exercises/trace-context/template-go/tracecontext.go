// W3C Trace Context, by hand: https://www.w3.org/TR/trace-context/
// traceparent = version "-" trace-id "-" parent-id "-" trace-flags, all lower-case hex:
//
//	00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
package main

import (
	"context"
	"net/http"
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

// parseTraceparent returns the parts of a traceparent header, and false when it is missing or
// invalid (then the caller starts a new trace). Version 00 is exactly 55 characters; a later
// version (not ff) may carry more after the flags, behind a "-", and its first four fields are
// read the same way.
func parseTraceparent(header string) (Traceparent, bool) {
	// TODO 1: check the version (two lower-case hex digits, not ff) and the length, the three dashes,
	// then slice out the trace id (32), the parent id (16) and the flags (2): lower-case hex only,
	// and neither id all zeros.
	return Traceparent{}, false
}

// randomHex is n random bytes as lower-case hex, never all zeros.
func randomHex(n int) string {
	// TODO 2: crypto/rand.Read into a []byte of n, hex.EncodeToString; draw again if all zeros.
	return strings.Repeat("0", 2*n)
}

// startSpan is this service's span for a request with these headers: the caller's trace continued
// when its traceparent is valid, otherwise a new trace (sampled). The span id is always new.
func startSpan(h http.Header) Span {
	// TODO 3: parseTraceparent(h.Get("traceparent")). Valid: keep its trace id, a new span id, its
	// parent id as ParentSpanID, Sampled from bit 0 of its flags, h.Get("tracestate"). Otherwise a
	// new trace id and span id, no parent, sampled, no tracestate.
	return Span{TraceID: randomHex(16), SpanID: randomHex(8)}
}

// traceparent is the header naming this span: version 00, flags 01 when sampled, 00 when not.
func (s Span) traceparent() string {
	// TODO 4
	return ""
}

// setOutgoingHeaders sets the headers for a call this span makes to another service: traceparent,
// and tracestate if one came.
func setOutgoingHeaders(h http.Header, s Span) {
	// TODO 5
}

type spanKey struct{}

// spanFrom is the span withTracing stored in the request's context.
func spanFrom(ctx context.Context) Span {
	span, _ := ctx.Value(spanKey{}).(Span)
	return span
}

// withTracing runs first for every request: it starts the span, stores it in the context for the
// routes, sets the traceparent response header, and writes one JSON line on stdout when the route
// has answered: {"trace_id","span_id","parent_span_id","sampled","method","path","status"}.
func withTracing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		span := startSpan(r.Header)
		// TODO 6: the traceparent response header (before the route writes anything), then the log
		// line after next.ServeHTTP returns. To know the status, wrap w in a type that remembers
		// what WriteHeader was called with (200 if it never was).
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), spanKey{}, span)))
	})
}
