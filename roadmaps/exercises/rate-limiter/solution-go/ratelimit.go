package main

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// A fixed-window rate limiter. Each key (a client IP, a username…) gets limit requests per window.
// The window starts with the key's first request; when it ends, the count starts over. In memory,
// so per process: several servers would share counts through a store such as Redis.

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

	mu        sync.Mutex
	windows   map[string]*window
	nextSweep time.Time
}

func newLimiter(length time.Duration, limit int, key func(*http.Request) string) (*limiter, error) {
	if length <= 0 {
		return nil, fmt.Errorf("the window must be positive, got %v", length)
	}
	if limit <= 0 {
		return nil, fmt.Errorf("the limit must be positive, got %d", limit)
	}
	return &limiter{window: length, limit: limit, key: key, now: time.Now, windows: map[string]*window{}}, nil
}

// hit counts one request for key at t: how many the window has seen, and when it ends.
func (l *limiter) hit(key string, t time.Time) (count int, resetAt time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	// Forget ended windows now and then, so keys seen once do not stay in memory forever.
	if !t.Before(l.nextSweep) {
		for k, win := range l.windows {
			if !t.Before(win.resetAt) {
				delete(l.windows, k)
			}
		}
		l.nextSweep = t.Add(l.window)
	}
	win, ok := l.windows[key]
	if !ok || !t.Before(win.resetAt) {
		win = &window{resetAt: t.Add(l.window)}
		l.windows[key] = win
	}
	win.count++
	return win.count, win.resetAt
}

func (l *limiter) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := l.key(r) // outside the lock: it may read the body
		t := l.now()
		count, resetAt := l.hit(key, t)

		// Whole seconds, rounded up: 1.45 s left is 2, 0.4 s left is 1, never 0 while limited.
		left := resetAt.Sub(t)
		seconds := strconv.FormatInt(int64((left+time.Second-1)/time.Second), 10)
		h := w.Header()
		h.Set("RateLimit-Limit", strconv.Itoa(l.limit))
		h.Set("RateLimit-Remaining", strconv.Itoa(max(0, l.limit-count)))
		h.Set("RateLimit-Reset", seconds)
		if count > l.limit {
			h.Set("Retry-After", seconds)
			writeError(w, http.StatusTooManyRequests, "Too many requests, try again in "+seconds+" seconds")
			return
		}
		next.ServeHTTP(w, r)
	})
}
