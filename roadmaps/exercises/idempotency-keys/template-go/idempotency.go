package main

import (
	"time"
)

// Fingerprint must give the same string for the same JSON value, whatever order its keys came in:
// {"amount":1,"currency":"EUR"} and {"currency":"EUR","amount":1} are the same body.
func Fingerprint(body []byte) (string, error) {
	// TODO: the raw bytes keep the keys in the order they arrived. Decode the body into an `any`
	// (a json.Decoder with UseNumber keeps numbers exact) and encode it again: encoding/json
	// writes a map's keys in sorted order.
	return string(body), nil
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

// IdempotencyStore remembers, per client and key, the request's fingerprint and, once it is done,
// its response, for ttl from when the response was stored. Handlers run concurrently: guard it
// with a sync.Mutex.
type IdempotencyStore struct {
	ttl time.Duration
	now func() time.Time
	// TODO: a map keyed by the client id AND the key (a struct of both): two clients may pick the
	// same key. Each entry holds the fingerprint, then the response and when it expires.
}

func NewIdempotencyStore(ttl time.Duration, now func() time.Time) *IdempotencyStore {
	return &IdempotencyStore{ttl: ttl, now: now}
}

// Begin claims the key for a request, or says what is already there: ClaimNew (it is now taken),
// ClaimMismatch, ClaimInProgress, or ClaimDone with the stored response. An entry whose time is up
// counts as free. Check and claim under one lock.
func (s *IdempotencyStore) Begin(clientID, key, fingerprint string) (ClaimState, *StoredResponse) {
	// TODO
	return ClaimNew, nil
}

// Complete stores the response of a finished request; it is kept for ttl from now (s.now()).
func (s *IdempotencyStore) Complete(clientID, key string, response StoredResponse) {
	// TODO
}

// Release frees the key of a request that did nothing, so that a retry can do the work.
func (s *IdempotencyStore) Release(clientID, key string) {
	// TODO
}
