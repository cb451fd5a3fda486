package main

// alphabet holds the 62 letters and digits of a base62 code.
const alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

// codeLength: 62^7 is about 3.5 trillion codes, so collisions are rare, and retried when they happen.
const codeLength = 7

// randomCode gives a random base62 code of length characters, e.g. "aZ3k9Qx".
func randomCode(length int) string {
	// TODO: pick length characters from alphabet with crypto/rand: rand.Int(rand.Reader,
	// big.NewInt(62)) gives an unbiased random index. (math/rand is guessable: someone could walk
	// through other people's links.)
	return ""
}
