package main

import (
	"crypto/rand"
	"math/big"
)

// alphabet holds the 62 letters and digits of a base62 code.
const alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

// codeLength: 62^7 is about 3.5 trillion codes, so collisions are rare, and retried when they happen.
const codeLength = 7

// randomCode gives a random base62 code of length characters, e.g. "aZ3k9Qx".
func randomCode(length int) string {
	code := make([]byte, length)
	for i := range code {
		// crypto/rand is unpredictable, and rand.Int has no modulo bias.
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			panic(err) // the system's random source failed: nothing sensible to do
		}
		code[i] = alphabet[n.Int64()]
	}
	return string(code)
}
