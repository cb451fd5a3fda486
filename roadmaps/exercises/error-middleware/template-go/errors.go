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
	"net/http"
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
	// TODO: say what went wrong, with the status, for the log: "404: Book 7 not found".
	return ""
}

// appHandler is a handler that returns its error instead of writing it, so every route fails the
// same way and one place (ServeHTTP below) decides what the client sees.
type appHandler func(w http.ResponseWriter, r *http.Request) error

// ServeHTTP makes appHandler an http.Handler: it runs the route, and answers its error.
func (h appHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// TODO:
	// 1. A route may panic (a bug): recover() in a deferred function, and treat the panic as a 500,
	//    like any other unexpected error. Without it, net/http drops the connection: no answer at all.
	// 2. Work out the status, detail and code of the error (errors.As finds an error inside a
	//    wrapped one, as fmt.Errorf("...: %w", err) makes them):
	//    - an *HttpError: its status, its detail and its code;
	//    - a body that is not valid JSON (*json.SyntaxError, io.ErrUnexpectedEOF for a cut-off body,
	//      *json.UnmarshalTypeError, io.EOF for no body at all): 400;
	//    - a body over the limit (*http.MaxBytesError): 413;
	//    - anything else: 500.
	// 3. For 5xx: log the whole error with log.Printf (and the stack of a panic: debug.Stack()), and
	//    send a generic detail instead of err.Error().
	// 4. Send the problem document: set the Content-Type header to application/problem+json, then
	//    w.WriteHeader(status), then encode the body.
	if err := h(w, r); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // wrong: plain text, always 500, leaks the message
	}
}

// notFound answers requests that no route matched.
func notFound(w http.ResponseWriter, r *http.Request) error {
	// TODO: return an *HttpError 404 whose detail names the method and path
	//       ("No route for GET /some/path") with Code "route_not_found", so ServeHTTP formats it
	//       like every other error.
	http.NotFound(w, r) // wrong: plain text "404 page not found"
	return nil
}
