package main

import (
	"errors"
	"os"
	"strconv"

	"golang.org/x/crypto/bcrypt"
)

// bcrypt's cost is a power of two: each +1 doubles the work, for you and for an attacker.
// 10 is the floor; the default (12) can be raised with BCRYPT_COST as hardware gets faster.
const (
	minCost      = 10
	maxCost      = bcrypt.MaxCost // 31
	fallbackCost = 12
	// bcrypt only looks at the first 72 bytes of a password.
	maxBytes = 72
)

var (
	errEmptyPassword   = errors.New("password must not be empty")
	errPasswordTooLong = errors.New("password must be at most 72 bytes")
	errBadCost         = errors.New("cost must be from 10 to 31")
)

// defaultCost is BCRYPT_COST when it holds a number, else 12.
func defaultCost() int {
	if cost, err := strconv.Atoi(os.Getenv("BCRYPT_COST")); err == nil {
		return cost
	}
	return fallbackCost
}

// hashPassword returns a bcrypt hash of plain for storage, such as "$2a$12$...".
// It refuses an empty password (errEmptyPassword), one over maxBytes bytes (errPasswordTooLong) and
// a cost outside minCost..maxCost (errBadCost).
func hashPassword(plain string, cost int) (string, error) {
	// TODO: check the arguments, then bcrypt.GenerateFromPassword([]byte(plain), cost), and return
	//       the hash as a string.
	return "", errors.New("TODO: implement hashPassword in password.go with bcrypt.GenerateFromPassword")
}

// verifyPassword reports whether plain matches hash; false for anything malformed.
func verifyPassword(plain, hash string) bool {
	// TODO: bcrypt.CompareHashAndPassword, never == on hashes. It returns nil on a match.
	return false
}

// getCost returns the cost stored inside a bcrypt hash ("$2a$12$..." -> 12), or an error when it
// isn't one.
func getCost(hash string) (int, error) {
	// TODO: bcrypt.Cost reads it for you.
	return 0, errors.New("TODO: implement getCost in password.go with bcrypt.Cost")
}

// needsRehash reports whether hash was made with a lower cost than cost (or isn't a bcrypt hash at
// all), so it should be replaced the next time the user logs in.
func needsRehash(hash string, cost int) bool {
	// TODO: compare getCost(hash) with cost.
	return false
}
