package main

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

const maxURLLength = 2048

var aliasPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{3,32}$`)

// reserved are first path segments the API uses or may use later; an alias must not hide them.
var reserved = map[string]bool{"api": true, "health": true}

// isHTTPURL is true for an absolute http:// or https:// URL with a host, no user or password in it
// ("https://bank.example@evil.example" really goes to evil.example), at most maxURLLength characters.
func isHTTPURL(value string) bool {
	if utf8.RuneCountInString(value) > maxURLLength { // characters, not bytes
		return false
	}
	u, err := url.Parse(value)
	if err != nil {
		return false
	}
	// An allow-list of schemes: no javascript:, data:, ftp: or file:.
	return (u.Scheme == "http" || u.Scheme == "https") && u.Hostname() != "" && u.User == nil
}

// isValidAlias: 3-32 letters, digits, "-" or "_", and not a reserved word.
func isValidAlias(value string) bool {
	return aliasPattern.MatchString(value) && !reserved[strings.ToLower(value)]
}
