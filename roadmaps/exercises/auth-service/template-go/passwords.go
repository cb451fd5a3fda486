package main

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"

	"golang.org/x/crypto/scrypt"
)

// scrypt's cost: N (CPU and memory), r (block size), p (parallelism); 16 MiB of memory per hash.
const scryptN, scryptR, scryptP, keyLength = 1 << 14, 8, 1, 64

// Used by the TODOs below; delete this line when they are written.
var _, _, _, _ = rand.Read, subtle.ConstantTimeCompare, base64.StdEncoding, scrypt.Key

// hashPassword (milestone 1): a one-way, salted, slow hash of the password, as one string that holds
// everything verifyPassword needs, e.g. "scrypt$<salt>$<key>" (base64).
func hashPassword(password string) (string, error) {
	// TODO (milestone 1): a random 16-byte salt (rand.Read), then
	//   scrypt.Key([]byte(password), salt, scryptN, scryptR, scryptP, keyLength).
	return "", errors.New("hashPassword is not written yet (milestone 1)")
}

// verifyPassword (milestone 1): true when password is the one stored was made from.
func verifyPassword(password, stored string) bool {
	// TODO (milestone 1): read the salt back out of stored, hash password with it, and compare with
	//   subtle.ConstantTimeCompare.
	return false
}
