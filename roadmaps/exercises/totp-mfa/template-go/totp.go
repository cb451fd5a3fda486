// HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA1, from the standard library alone: no OTP
// library.
package main

// stepSeconds is the length of a time step: a code lives this long.
const stepSeconds = 30

// hotp is the HOTP code of key for counter: exactly digits digits, leading zeros kept.
func hotp(key []byte, counter uint64, digits int) string {
	// TODO 1: the counter as 8 bytes, most significant byte first:
	//         binary.BigEndian.PutUint64 into a [8]byte.
	// TODO 2: the HMAC-SHA1 of those 8 bytes with key as the key: hmac.New(sha1.New, key), Write,
	//         then Sum(nil) gives 20 bytes.
	// TODO 3: dynamic truncation: offset = the low 4 bits of the LAST byte; read 4 bytes from there
	//         with binary.BigEndian.Uint32 and clear the top bit (& 0x7fffffff).
	// TODO 4: that number modulo 10^digits, padded with zeros on the left: fmt.Sprintf("%0*d", digits, n).
	return ""
}

// timeStep is the step that Unix time seconds falls in.
func timeStep(seconds float64) int64 {
	// TODO 5: floor(seconds / stepSeconds) (math.Floor). Round down: step 1 runs from 30 to 59.999.
	return 0
}

// totp is the TOTP code of key at Unix time seconds: the HOTP code of its time step.
func totp(key []byte, seconds float64, digits int) string {
	return hotp(key, uint64(timeStep(seconds)), digits)
}
