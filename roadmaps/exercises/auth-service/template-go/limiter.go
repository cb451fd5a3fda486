package main

import (
	"sync"
	"time"
)

// limiter (milestone 4): counts failures per key (an account, an IP) in a fixed window that starts
// at the key's first failure. From max failures on, the key waits until its window ends.
type limiter struct {
	mu      sync.Mutex
	max     int
	window  time.Duration
	entries map[string]*failures
}

type failures struct {
	count int
	since time.Time
}

func newLimiter(max int, window time.Duration) *limiter {
	return &limiter{max: max, window: window, entries: map[string]*failures{}}
}

func (l *limiter) current(key string) *failures {
	e := l.entries[key]
	if e != nil && time.Since(e.since) >= l.window {
		delete(l.entries, key)
		return nil
	}
	return e
}

// retryAfter answers the whole seconds until the key may try again (at least 1), or 0 when it may now.
func (l *limiter) retryAfter(key string) int {
	// TODO (milestone 4): lock, forget an ended window (l.current does), then count the seconds left.
	return 0
}

// fail counts one failure for the key.
func (l *limiter) fail(key string) {
	// TODO (milestone 4)
}

// reset forgets the key's failures.
func (l *limiter) reset(key string) {
	// TODO (milestone 4)
}
