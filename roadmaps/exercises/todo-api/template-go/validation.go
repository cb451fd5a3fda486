// Milestones 3 and 4: every value from the client is checked here before the store sees it. Each
// function returns the value, or an error whose text says what is wrong.
package main

import (
	"errors"
	"net/url"
)

const maxTitle = 200

// NewTodo is a checked POST body.
type NewTodo struct {
	Title string
	Done  bool
}

// Changes is a checked PATCH body: nil means "not given".
type Changes struct {
	Title *string
	Done  *bool
}

// ListQuery is a checked GET /todos query: Done nil means "no filter".
type ListQuery struct {
	Done   *bool
	Limit  int
	Offset int
}

// ValidateNewTodo checks a POST /todos body: {title, done?} and nothing else; the title trimmed, 1 to 200 characters.
func ValidateNewTodo(body []byte) (NewTodo, error) {
	// TODO (milestone 3)
	return NewTodo{}, errors.New("ValidateNewTodo is not written yet (milestone 3)")
}

// ValidateChanges checks a PATCH /todos/{id} body: title and/or done (at least one), the same rules, nothing else.
func ValidateChanges(body []byte) (Changes, error) {
	// TODO (milestone 3)
	return Changes{}, errors.New("ValidateChanges is not written yet (milestone 3)")
}

// ParseListQuery checks GET /todos: done ("true" or "false", optional), limit (1 to 100, default 20), offset (0 up, default 0).
func ParseListQuery(q url.Values) (ListQuery, error) {
	// TODO (milestone 4)
	return ListQuery{}, errors.New("ParseListQuery is not written yet (milestone 4)")
}
