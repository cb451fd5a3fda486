// Second-factor enrolment and verification: one TOTP secret per user, codes checked within one step
// of the clock, each accepted code spent, and a lockout after too many wrong codes in a row.
package main

import (
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"math"
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

type account struct {
	key         []byte
	digits      int
	usedStep    int64   // the step of the last accepted code; it and older ones are spent
	failures    int     // wrong codes in a row
	lockedUntil float64 // Unix seconds; 0 when not locked
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
		key = make([]byte, 20)
		if _, err := rand.Read(key); err != nil {
			return nil, err
		}
	}
	m.accounts[user] = &account{key: key, digits: digits, usedStep: -1}
	return key, nil
}

// verify checks code for user at Unix time now (seconds).
func (m *mfa) verify(user, code string, now float64) result {
	m.mu.Lock()
	defer m.mu.Unlock()
	acc, ok := m.accounts[user]
	if !ok {
		return result{Status: statusUnknownUser}
	}
	if acc.lockedUntil != 0 {
		if now < acc.lockedUntil {
			return result{Status: statusLocked, RetryAfter: int(math.Ceil(acc.lockedUntil - now))}
		}
		acc.lockedUntil = 0
		acc.failures = 0
	}
	if step, found := acc.match(code, timeStep(now)); found {
		acc.usedStep = step
		acc.failures = 0
		return result{Status: statusOK}
	}
	acc.failures++
	if acc.failures >= m.maxFailures {
		acc.lockedUntil = now + float64(m.lockoutSeconds)
	}
	return result{Status: statusInvalid}
}

// match finds the step (one before, current or one after, later than the last used) whose code is code.
func (acc *account) match(code string, current int64) (int64, bool) {
	if len(code) != acc.digits {
		return 0, false
	}
	for _, c := range code {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	for step := current - 1; step <= current+1; step++ {
		if step < 0 || step <= acc.usedStep {
			continue
		}
		if subtle.ConstantTimeCompare([]byte(hotp(acc.key, uint64(step), acc.digits)), []byte(code)) == 1 {
			return step, true
		}
	}
	return 0, false
}
