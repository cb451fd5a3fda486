// Milestones 3 and 4: every value from the client is checked here before the store sees it. Each
// function returns the value, or an error whose text says what is wrong.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
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

// decodeObject reads a JSON object; anything else (bad JSON, an array, a string) is an error.
func decodeObject(body []byte) (map[string]any, error) {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return nil, errors.New("the body must be valid JSON")
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("the body must be a JSON object")
	}
	for key := range obj {
		if key != "title" && key != "done" {
			return nil, fmt.Errorf("unknown field: %s", key)
		}
	}
	return obj, nil
}

func checkTitle(v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", errors.New("title must be a string")
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("title must not be empty")
	}
	// Characters, not bytes: "é" is one.
	if utf8.RuneCountInString(s) > maxTitle {
		return "", fmt.Errorf("title must be at most %d characters", maxTitle)
	}
	return s, nil
}

// ValidateNewTodo checks a POST /todos body: {title, done?} and nothing else; the title trimmed, 1 to 200 characters.
func ValidateNewTodo(body []byte) (NewTodo, error) {
	obj, err := decodeObject(body)
	if err != nil {
		return NewTodo{}, err
	}
	title, err := checkTitle(obj["title"])
	if err != nil {
		return NewTodo{}, err
	}
	out := NewTodo{Title: title}
	if v, given := obj["done"]; given {
		done, ok := v.(bool)
		if !ok {
			return NewTodo{}, errors.New("done must be true or false")
		}
		out.Done = done
	}
	return out, nil
}

// ValidateChanges checks a PATCH /todos/{id} body: title and/or done (at least one), the same rules, nothing else.
func ValidateChanges(body []byte) (Changes, error) {
	obj, err := decodeObject(body)
	if err != nil {
		return Changes{}, err
	}
	var out Changes
	if v, given := obj["title"]; given {
		title, err := checkTitle(v)
		if err != nil {
			return Changes{}, err
		}
		out.Title = &title
	}
	if v, given := obj["done"]; given {
		done, ok := v.(bool)
		if !ok {
			return Changes{}, errors.New("done must be true or false")
		}
		out.Done = &done
	}
	if out.Title == nil && out.Done == nil {
		return Changes{}, errors.New("nothing to change: send title or done")
	}
	return out, nil
}

func wholeNumber(text, name string, low, high int) (int, error) {
	n, err := strconv.Atoi(text)
	// Atoi takes "+5"; plain digits only.
	if err != nil || strings.HasPrefix(text, "+") || n < low || (high >= 0 && n > high) {
		if high < 0 {
			return 0, fmt.Errorf("%s must be a whole number from %d up", name, low)
		}
		return 0, fmt.Errorf("%s must be a whole number from %d to %d", name, low, high)
	}
	return n, nil
}

// ParseListQuery checks GET /todos: done ("true" or "false", optional), limit (1 to 100, default 20), offset (0 up, default 0).
func ParseListQuery(q url.Values) (ListQuery, error) {
	out := ListQuery{Limit: 20}
	if q.Has("done") {
		switch q.Get("done") {
		case "true", "false":
			done := q.Get("done") == "true"
			out.Done = &done
		default:
			return ListQuery{}, errors.New("done must be true or false")
		}
	}
	var err error
	if q.Has("limit") {
		if out.Limit, err = wholeNumber(q.Get("limit"), "limit", 1, 100); err != nil {
			return ListQuery{}, err
		}
	}
	if q.Has("offset") {
		if out.Offset, err = wholeNumber(q.Get("offset"), "offset", 0, -1); err != nil {
			return ListQuery{}, err
		}
	}
	return out, nil
}
