// HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA1, from the standard library alone.
package main

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/binary"
	"fmt"
	"math"
)

// stepSeconds is the length of a time step: a code lives this long.
const stepSeconds = 30

// hotp is the HOTP code of key for counter: exactly digits digits, leading zeros kept.
func hotp(key []byte, counter uint64, digits int) string {
	var message [8]byte
	binary.BigEndian.PutUint64(message[:], counter)
	mac := hmac.New(sha1.New, key)
	mac.Write(message[:])
	sum := mac.Sum(nil)
	offset := sum[len(sum)-1] & 0x0f
	number := binary.BigEndian.Uint32(sum[offset:offset+4]) & 0x7fffffff
	modulus := uint32(math.Pow10(digits))
	return fmt.Sprintf("%0*d", digits, number%modulus)
}

// timeStep is the step that Unix time seconds falls in: floor(seconds / 30).
func timeStep(seconds float64) int64 {
	return int64(math.Floor(seconds / stepSeconds))
}

// totp is the TOTP code of key at Unix time seconds: the HOTP code of its time step.
func totp(key []byte, seconds float64, digits int) string {
	return hotp(key, uint64(timeStep(seconds)), digits)
}
