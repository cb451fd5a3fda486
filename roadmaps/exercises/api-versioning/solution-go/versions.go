// The API's versions. Read README.md first; it lists every rule the check tests.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// v1 has been deprecated since 1 January 2026, and answers until the end of 2026.
var (
	deprecatedAt = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	sunsetAt     = time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC)
)

// UserFields is a user as stored, whatever the version, without its id.
type UserFields struct {
	GivenName  string
	FamilyName string
	Email      string
}

// User is a stored user.
type User struct {
	ID int
	UserFields
}

// APIVersion is one version of the API.
type APIVersion interface {
	// Present is the stored user in this version's shape (encoded as JSON).
	Present(user User) any
	// Parse reads a request body in this version's shape; an error is a 400.
	Parse(body []byte) (UserFields, error)
	// Headers are extra response headers for every answer under this version.
	Headers(path string) map[string]string
}

// v1 (done for you; it is what clients use today): one "name" field.
type v1 struct{}

type v1User struct {
	ID    int    `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

func (v1) Present(u User) any {
	return v1User{u.ID, strings.TrimSpace(u.GivenName + " " + u.FamilyName), u.Email}
}

func (v1) Parse(body []byte) (UserFields, error) {
	var in struct{ Name, Email *string }
	if json.Unmarshal(body, &in) != nil || in.Name == nil || in.Email == nil ||
		strings.TrimSpace(*in.Name) == "" || strings.TrimSpace(*in.Email) == "" {
		return UserFields{}, errors.New(`v1 needs "name" and "email"`)
	}
	// The first word is the given name, the rest the family name ("Plato" has none).
	given, family, _ := strings.Cut(strings.TrimSpace(*in.Name), " ")
	return UserFields{given, strings.TrimSpace(family), *in.Email}, nil
}

func (v1) Headers(path string) map[string]string {
	return map[string]string{
		"Deprecation": fmt.Sprintf("@%d", deprecatedAt.Unix()), // RFC 9745: "@" and Unix seconds
		"Sunset":      sunsetAt.Format(http.TimeFormat),        // RFC 8594: an HTTP date
		"Link":        fmt.Sprintf(`<%s>; rel="successor-version"`, "/v2/"+strings.TrimPrefix(path, "/v1/")),
	}
}

// v2: "givenName" and "familyName" instead of "name".
type v2 struct{}

type v2User struct {
	ID         int    `json:"id"`
	GivenName  string `json:"givenName"`
	FamilyName string `json:"familyName"`
	Email      string `json:"email"`
}

func (v2) Present(u User) any { return v2User{u.ID, u.GivenName, u.FamilyName, u.Email} }

func (v2) Parse(body []byte) (UserFields, error) {
	// Pointers tell a missing field (nil) from an empty one.
	var in struct {
		GivenName  *string `json:"givenName"`
		FamilyName *string `json:"familyName"`
		Email      *string `json:"email"`
	}
	if err := json.Unmarshal(body, &in); err != nil {
		return UserFields{}, errors.New("v2 needs a JSON object")
	}
	switch {
	case in.GivenName == nil || strings.TrimSpace(*in.GivenName) == "":
		return UserFields{}, errors.New(`v2 needs "givenName"`)
	case in.FamilyName == nil:
		return UserFields{}, errors.New(`v2 needs "familyName" (it may be "")`)
	case in.Email == nil || strings.TrimSpace(*in.Email) == "":
		return UserFields{}, errors.New(`v2 needs "email"`)
	}
	return UserFields{*in.GivenName, *in.FamilyName, *in.Email}, nil
}

func (v2) Headers(string) map[string]string { return map[string]string{} }

// resolveVersion is the version for a path segment ("v1", "v2"), or nil for any other (a 404).
func resolveVersion(segment string) APIVersion {
	switch segment {
	case "v1":
		return v1{}
	case "v2":
		return v2{}
	}
	return nil
}
