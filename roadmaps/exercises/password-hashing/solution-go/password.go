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
	// bcrypt only looks at the first 72 bytes; longer input is refused rather than silently cut.
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

func hashPassword(plain string, cost int) (string, error) {
	switch {
	case plain == "":
		return "", errEmptyPassword
	case len(plain) > maxBytes:
		return "", errPasswordTooLong
	case cost < minCost || cost > maxCost:
		return "", errBadCost
	}
	// A fresh random salt every call, stored with the cost inside the result.
	hash, err := bcrypt.GenerateFromPassword([]byte(plain), cost)
	return string(hash), err
}

func verifyPassword(plain, hash string) bool {
	// Re-hashes plain with the salt and cost read from hash, and compares in constant time.
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(plain)) == nil
}

func getCost(hash string) (int, error) {
	return bcrypt.Cost([]byte(hash))
}

func needsRehash(hash string, cost int) bool {
	current, err := getCost(hash)
	return err != nil || current < cost
}
