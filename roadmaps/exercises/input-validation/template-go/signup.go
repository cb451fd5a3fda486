package main

import (
	"encoding/json"
)

// Signup is a valid, cleaned-up signup. Name and Age are pointers so that "not sent" (nil) differs
// from "" and 0, and omitempty leaves them out of the answer when they were not sent.
type Signup struct {
	Email    string  `json:"email"`
	Password string  `json:"-"` // never encoded: a password is never sent back
	Name     *string `json:"name,omitempty"`
	Age      *int    `json:"age,omitempty"`
}

// FieldError is one problem with the body. Path is the field's name ("email", "isAdmin" for an
// unknown key), or "" when the body as a whole is wrong.
type FieldError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// parseSignup checks and cleans up a signup body. It returns the Signup when the body is valid, or
// one FieldError per bad field: every bad field, not just the first.
//
// TODO: write it, with these rules:
//   - the body must be a JSON object (not empty, not an array, not malformed): otherwise one
//     FieldError with Path "";
//   - email:    required string, trimmed and lower-cased, then a valid email address
//     (something, one @, a domain with a dot, no spaces);
//   - password: required string of at least 12 characters (don't trim it);
//   - name:     optional string, trimmed, then 1 to 80 characters;
//   - age:      optional whole number from 13 to 130 (no strings like "20", no true, no null);
//   - any other key is an error, one FieldError per key.
//
// Decoding into a struct stops at the first problem, so decode into a map[string]json.RawMessage
// first: then every key can be looked at, and each value decoded on its own.
func parseSignup(body []byte) (Signup, []FieldError) {
	var in struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	// wrong: no checks at all, and whatever does not decode is ignored
	_ = json.Unmarshal(body, &in)
	return Signup{Email: in.Email, Password: in.Password}, nil
}
