// The API's versions. Read README.md first; it lists every rule the check tests.
package main

import (
	"encoding/json"
	"errors"
	"strings"
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
	// TODO 2: v1 is deprecated: Deprecation (when, as @<unix seconds>), Sunset (when it goes away,
	//   as an HTTP date) and Link to the same path under /v2 with rel="successor-version".
	return map[string]string{}
}

// v2: "givenName" and "familyName" instead of "name".
type v2 struct{}

// TODO 1: present {"id", "givenName", "familyName", "email"}, and parse a body of that shape (all
// three strings required, "name" is not accepted: a v1 body sent to v2 is a 400).
func (v2) Present(u User) any                    { return v1{}.Present(u) }
func (v2) Parse(body []byte) (UserFields, error) { return v1{}.Parse(body) }
func (v2) Headers(path string) map[string]string { return map[string]string{} }

// resolveVersion is the version for a path segment ("v1", "v2"), or nil for any other (a 404).
func resolveVersion(segment string) APIVersion {
	// TODO 3: v1 and v2 only.
	if segment == "v1" {
		return v1{}
	}
	return nil
}
