package main

import (
	"net/http"
	"sync"
	"time"
)

// A fixed-window rate limiter. Each key (a client IP, a username…) gets limit requests per window.
// The window starts with the key's first request; when it ends, the count starts over.

// window is one key's current window.
type window struct {
	count   int       // requests seen in this window
	resetAt time.Time // when it ends
}

type limiter struct {
	window time.Duration
	limit  int
	key    func(*http.Request) string // which client a request counts for
	now    func() time.Time           // the clock; tests may set a fake one

	// Handlers run at the same time, each request in its own goroutine: hold mu while you read or
	// change windows.
	mu      sync.Mutex
	windows map[string]*window
}

// newLimiter returns a limiter with its own, empty counts, or an error when length (the window) or
// limit isn't positive.
func newLimiter(length time.Duration, limit int, key func(*http.Request) string) (*limiter, error) {
	// TODO: return an error (fmt.Errorf, import "fmt") when length <= 0 or limit <= 0.
	return &limiter{window: length, limit: limit, key: key, now: time.Now, windows: map[string]*window{}}, nil
}

// middleware runs before next: it sets the RateLimit headers, and answers 429 itself (without
// calling next) when the request's key is over its limit.
func (l *limiter) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// TODO, on every request:
		// 1. t := l.now(); k := l.key(r); with l.mu held, find the key's window, or start a new one
		//    ending at t.Add(l.window) (also when the old one has ended: !t.Before(resetAt)).
		//    Count this request, and copy what you need before unlocking.
		// 2. Set RateLimit-Limit, RateLimit-Remaining (never below 0) and RateLimit-Reset (whole
		//    seconds until the window ends, rounded UP) with w.Header().Set.
		// 3. Over the limit: set Retry-After (the same seconds) and answer
		//    writeError(w, http.StatusTooManyRequests, ...), without calling next.
		// 4. Otherwise next.ServeHTTP(w, r).
		next.ServeHTTP(w, r)
	})
}
