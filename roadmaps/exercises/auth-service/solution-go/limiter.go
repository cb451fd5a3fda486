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
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.current(key)
	if e == nil || e.count < l.max {
		return 0
	}
	left := time.Until(e.since.Add(l.window))
	return max(1, int((left+time.Second-1)/time.Second))
}

// fail counts one failure for the key.
func (l *limiter) fail(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e := l.current(key); e != nil {
		e.count++
	} else {
		l.entries[key] = &failures{count: 1, since: time.Now()}
	}
}

// reset forgets the key's failures.
func (l *limiter) reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.entries, key)
}
