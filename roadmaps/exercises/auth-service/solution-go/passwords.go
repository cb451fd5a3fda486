package main

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"strings"

	"golang.org/x/crypto/scrypt"
)

// scrypt's cost: N (CPU and memory), r (block size), p (parallelism); 16 MiB of memory per hash.
const scryptN, scryptR, scryptP, keyLength = 1 << 14, 8, 1, 64

// hashPassword (milestone 1): a one-way, salted, slow hash of the password, as one string that holds
// everything verifyPassword needs: "scrypt$<salt>$<key>" (base64).
func hashPassword(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key, err := scrypt.Key([]byte(password), salt, scryptN, scryptR, scryptP, keyLength)
	if err != nil {
		return "", err
	}
	enc := base64.StdEncoding
	return "scrypt$" + enc.EncodeToString(salt) + "$" + enc.EncodeToString(key), nil
}

// verifyPassword (milestone 1): true when password is the one stored was made from.
func verifyPassword(password, stored string) bool {
	parts := strings.Split(stored, "$")
	if len(parts) != 3 || parts[0] != "scrypt" {
		return false
	}
	salt, err1 := base64.StdEncoding.DecodeString(parts[1])
	expected, err2 := base64.StdEncoding.DecodeString(parts[2])
	if err1 != nil || err2 != nil || len(expected) == 0 {
		return false
	}
	actual, err := scrypt.Key([]byte(password), salt, scryptN, scryptR, scryptP, len(expected))
	// Compares every byte, whatever the first difference: no timing hint about the hash.
	return err == nil && subtle.ConstantTimeCompare(actual, expected) == 1
}
