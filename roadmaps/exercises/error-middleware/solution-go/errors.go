package main

// Every error of the API answered in one place, in one format: RFC 9457 "problem details".
//
//	HTTP/1.1 404 Not Found
//	Content-Type: application/problem+json
//
//	{"type": "about:blank", "title": "Not Found", "status": 404, "detail": "Book 7 not found", "code": "book_not_found"}
//
// title is the standard text of the status: http.StatusText(404) is "Not Found".

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"runtime/debug"
)

// HttpError is an error that knows its HTTP status, so route code can say what went wrong:
//
//	return &HttpError{Status: 404, Detail: "Book 7 not found", Code: "book_not_found"}
//
// Status: 4xx or 5xx. Detail: the text a client may see (for a 4xx). Code: an optional stable,
// machine-readable id that clients can switch on.
type HttpError struct {
	Status int
	Detail string
	Code   string
}

// Error makes *HttpError an error.
func (e *HttpError) Error() string {
	return fmt.Sprintf("%d: %s", e.Status, e.Detail)
}

// appHandler is a handler that returns its error instead of writing it, so every route fails the
// same way and one place (ServeHTTP below) decides what the client sees.
type appHandler func(w http.ResponseWriter, r *http.Request) error

// problem is the body of an error response. Code is left out when empty.
type problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
	Code   string `json:"code,omitempty"`
}

// ServeHTTP makes appHandler an http.Handler: it runs the route, and answers its error.
func (h appHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		// A panic is a bug like any other: answer 500 instead of letting net/http drop the connection.
		// (http.ErrAbortHandler is the one panic meant to drop it.)
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			log.Printf("%s %s panicked: %v\n%s", r.Method, r.URL.Path, v, debug.Stack())
			writeProblem(w, http.StatusInternalServerError, "", "")
		}
	}()
	if err := h(w, r); err != nil {
		status, detail, code := classify(err)
		if status >= 500 {
			// The whole error goes to the log, where operators see it; the client gets a generic
			// detail (writeProblem), because internal messages leak hosts, passwords and queries.
			log.Printf("%s %s failed with %d: %v", r.Method, r.URL.Path, status, err)
		}
		writeProblem(w, status, detail, code)
	}
}

// classify decides what a client may learn from an error.
func classify(err error) (status int, detail, code string) {
	var httpErr *HttpError
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &httpErr) && httpErr.Status >= 400 && httpErr.Status <= 599:
		return httpErr.Status, httpErr.Detail, httpErr.Code
	case errors.As(err, &tooLarge):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("The body is larger than the %d byte limit.", tooLarge.Limit), "body_too_large"
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF):
		return http.StatusBadRequest, "The body is not valid JSON.", "invalid_json"
	case errors.As(err, &typeErr):
		return http.StatusBadRequest, fmt.Sprintf("The JSON body has a %s where a %s belongs.", typeErr.Value, typeErr.Type), "invalid_json"
	case errors.Is(err, io.EOF):
		return http.StatusBadRequest, "The body is empty; send a JSON object.", "invalid_json"
	}
	return http.StatusInternalServerError, "", ""
}

// writeProblem sends the problem document. A 5xx always gets the generic detail.
func writeProblem(w http.ResponseWriter, status int, detail, code string) {
	if status >= 500 {
		detail = "Something went wrong on our side. It has been logged."
	}
	// Headers must be set before WriteHeader: after it, changes are ignored.
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	body := problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail, Code: code}
	if err := json.NewEncoder(w).Encode(body); err != nil {
		log.Printf("writing the problem: %v", err)
	}
}

// notFound answers requests that no route matched.
func notFound(w http.ResponseWriter, r *http.Request) error {
	return &HttpError{Status: http.StatusNotFound, Detail: fmt.Sprintf("No route for %s %s", r.Method, r.URL.Path), Code: "route_not_found"}
}
