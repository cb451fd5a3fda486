package main

import (
	"regexp"
	"strings"
)

const maxURLLength = 2048

var aliasPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{3,32}$`)

// reserved are first path segments the API uses or may use later; an alias must not hide them.
var reserved = map[string]bool{"api": true, "health": true}

// isHTTPURL is true for an absolute http:// or https:// URL with a host, no user or password in it
// ("https://bank.example@evil.example" really goes to evil.example), at most maxURLLength characters.
func isHTTPURL(value string) bool {
	// TODO: check the length, then url.Parse(value) (an error means false) and look at u.Scheme
	// (lower case after parsing: "JavaScript:" gives "javascript"), u.Hostname() and u.User.
	return false
}

// isValidAlias: 3-32 letters, digits, "-" or "_", and not a reserved word.
func isValidAlias(value string) bool {
	return aliasPattern.MatchString(value) && !reserved[strings.ToLower(value)]
}
