package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
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

// Deliberately simple: text, one @, a domain with a dot, and no spaces anywhere.
var emailPattern = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

var knownFields = []string{"email", "password", "name", "age"}

// parseSignup checks and cleans up a signup body. It returns the Signup when the body is valid, or
// one FieldError per bad field: every bad field, not just the first.
func parseSignup(body []byte) (Signup, []FieldError) {
	// A map first, not the struct: json.Decoder's DisallowUnknownFields would stop at the first
	// unknown key (and a struct decode at the first wrong type), but every problem is reported at once.
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil || fields == nil { // nil: the body was "null"
		return Signup{}, []FieldError{wholeBodyError("The body must be a JSON object")}
	}

	var out Signup
	var problems []FieldError
	fail := func(path, format string, args ...any) {
		problems = append(problems, FieldError{Path: path, Message: fmt.Sprintf(format, args...)})
	}

	// Cleaned up first (trimmed, lower-cased), then checked: " Ann@Example.COM " is fine.
	if email, msg := requiredString(fields, "email"); msg != "" {
		fail("email", "Email %s", msg)
	} else if email = strings.ToLower(strings.TrimSpace(email)); !emailPattern.MatchString(email) {
		fail("email", "Email must be a valid email address")
	} else {
		out.Email = email
	}

	// Not trimmed: spaces are allowed in passwords, and changing a secret silently locks people out.
	// Characters, not bytes: len("é") is 2.
	if password, msg := requiredString(fields, "password"); msg != "" {
		fail("password", "Password %s", msg)
	} else if utf8.RuneCountInString(password) < 12 {
		fail("password", "Password must be at least 12 characters")
	} else {
		out.Password = password
	}

	if raw, sent := fields["name"]; sent {
		var name string
		if !isNull(raw) && json.Unmarshal(raw, &name) == nil {
			name = strings.TrimSpace(name)
			if n := utf8.RuneCountInString(name); n < 1 || n > 80 {
				fail("name", "Name must be 1 to 80 characters, not counting spaces around it")
			} else {
				out.Name = &name
			}
		} else {
			fail("name", "Name must be a string")
		}
	}

	if raw, sent := fields["age"]; sent {
		// Decoding into an int refuses "20", true and 20.5 by itself; null would decode to nothing.
		var age int
		if !isNull(raw) && json.Unmarshal(raw, &age) == nil {
			if age < 13 || age > 130 {
				fail("age", "Age must be from 13 to 130")
			} else {
				out.Age = &age
			}
		} else {
			fail("age", "Age must be a whole number")
		}
	}

	// Map order is random: sort the unknown keys so the same body always gets the same answer.
	var unknown []string
	for key := range fields {
		if !slices.Contains(knownFields, key) {
			unknown = append(unknown, key)
		}
	}
	slices.Sort(unknown)
	for _, key := range unknown {
		fail(key, "Unknown field %q", key)
	}

	if len(problems) > 0 {
		return Signup{}, problems
	}
	return out, nil
}

// requiredString is the string under key, or a message saying what is wrong with it.
func requiredString(fields map[string]json.RawMessage, key string) (string, string) {
	raw, sent := fields[key]
	if !sent {
		return "", "is required"
	}
	var s string
	if isNull(raw) || json.Unmarshal(raw, &s) != nil {
		return "", "must be a string"
	}
	return s, ""
}

// isNull reports whether a raw JSON value is null, which decodes into a string or int without an error.
func isNull(raw json.RawMessage) bool {
	return bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}
