package main

import (
	"bytes"
	"encoding/json"
	"sync"
	"time"
)

// Fingerprint is the body as JSON with every object's keys sorted, so the same JSON value gives
// the same string whatever order its keys came in. encoding/json writes a map's keys in sorted
// order; UseNumber keeps numbers exactly as they were written.
func Fingerprint(body []byte) (string, error) {
	decoder := json.NewDecoder(bytes.NewReader(body))
	decoder.UseNumber()
	var value any
	if err := decoder.Decode(&value); err != nil {
		return "", err
	}
	out, err := json.Marshal(value)
	return string(out), err
}

// StoredResponse is a finished request's answer, as it is sent again on a retry.
type StoredResponse struct {
	Status int
	Body   any
}

// ClaimState is what Begin found.
type ClaimState int

const (
	ClaimNew        ClaimState = iota // the key was free: it is now taken, do the work
	ClaimMismatch                     // the key was used with a different body
	ClaimInProgress                   // a request with this key is still being worked on
	ClaimDone                         // the stored response is to be sent again
)

type slot struct{ clientID, key string }

type entry struct {
	fingerprint string
	response    *StoredResponse
	expiresAt   time.Time
}

// IdempotencyStore remembers, per client and key, the request's fingerprint and, once it is done,
// its response, for ttl from when the response was stored. It is safe for concurrent use.
type IdempotencyStore struct {
	mu      sync.Mutex
	ttl     time.Duration
	now     func() time.Time
	entries map[slot]*entry
}

func NewIdempotencyStore(ttl time.Duration, now func() time.Time) *IdempotencyStore {
	return &IdempotencyStore{ttl: ttl, now: now, entries: map[slot]*entry{}}
}

// Begin claims the key for a request, or says what is already there. Checking and claiming happen
// under one lock, so two requests with the same key cannot both find it free.
func (s *IdempotencyStore) Begin(clientID, key, fingerprint string) (ClaimState, *StoredResponse) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := slot{clientID, key}
	e, ok := s.entries[id]
	if ok && e.response != nil && !s.now().Before(e.expiresAt) {
		delete(s.entries, id)
		ok = false
	}
	switch {
	case !ok:
		s.entries[id] = &entry{fingerprint: fingerprint}
		return ClaimNew, nil
	case e.fingerprint != fingerprint:
		return ClaimMismatch, nil
	case e.response == nil:
		return ClaimInProgress, nil
	default:
		return ClaimDone, e.response
	}
}

// Complete stores the response of a finished request; it is kept for ttl from now.
func (s *IdempotencyStore) Complete(clientID, key string, response StoredResponse) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.entries[slot{clientID, key}]; ok {
		e.response = &response
		e.expiresAt = s.now().Add(s.ttl)
	}
}

// Release frees the key of a request that did nothing, so that a retry can do the work.
func (s *IdempotencyStore) Release(clientID, key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.entries, slot{clientID, key})
}
