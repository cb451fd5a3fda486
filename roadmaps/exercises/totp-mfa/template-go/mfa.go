// Second-factor enrolment and verification: one TOTP secret per user, codes checked within one step
// of the clock, each accepted code spent, and a lockout after too many wrong codes in a row.
package main

import (
	"errors"
	"sync"
)

type status int

const (
	statusOK status = iota
	statusInvalid
	statusUnknownUser
	statusLocked
)

// result is what verify found; RetryAfter (whole seconds) goes with statusLocked.
type result struct {
	Status     status
	RetryAfter int
}

// account is what verify needs to remember per user. Add to it.
type account struct {
	key    []byte
	digits int
}

// mfa keeps its users in memory. HTTP handlers run concurrently, so a mutex guards them.
type mfa struct {
	mu             sync.Mutex
	accounts       map[string]*account
	maxFailures    int
	lockoutSeconds int
}

func newMfa(maxFailures, lockoutSeconds int) *mfa {
	return &mfa{accounts: map[string]*account{}, maxFailures: maxFailures, lockoutSeconds: lockoutSeconds}
}

// enroll gives user a secret (key, or 20 random bytes when key is nil) and returns it; an error if
// the user is enrolled already.
func (m *mfa) enroll(user string, key []byte, digits int) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.accounts[user]; ok {
		return nil, errors.New(user + " is enrolled already")
	}
	if key == nil {
		// TODO 6: fill it from crypto/rand (rand.Read), a cryptographic generator. Never math/rand.
		key = make([]byte, 20)
	}
	m.accounts[user] = &account{key: key, digits: digits}
	return key, nil
}

// verify checks code for user at Unix time now (seconds, maybe with a fraction).
func (m *mfa) verify(user, code string, now float64) result {
	m.mu.Lock()
	defer m.mu.Unlock()
	acc, ok := m.accounts[user]
	if !ok {
		return result{Status: statusUnknownUser}
	}
	// TODO 7: while the account is locked, return result{Status: statusLocked, RetryAfter: ...}
	//         (whole seconds left, rounded up: math.Ceil) without looking at the code. Once the
	//         lock has run out, the count of wrong codes starts again from zero.
	// TODO 8: accept code when it is the code of the current step, the step before or the step
	//         after, and that step is later than the last accepted one (a used code is spent).
	//         Compare strings of the account's exact length, with subtle.ConstantTimeCompare.
	// TODO 9: a right code remembers its step and resets the count of wrong codes; a wrong one
	//         counts, and the one that reaches m.maxFailures locks the account for
	//         m.lockoutSeconds.
	if code == hotp(acc.key, uint64(timeStep(now)), acc.digits) {
		return result{Status: statusOK}
	}
	return result{Status: statusInvalid}
}
