package main

import (
	"errors"
	"net/http"
	"sync"
)

// Book is what the API stores and answers with. The id is a number the server picks.
//
// Year is a pointer so that "no year" (nil) differs from the year 0, and omitempty leaves a nil
// Year out of the JSON altogether: {"id":2,"title":"...","author":"..."}, with no "year": null.
type Book struct {
	ID     int    `json:"id"`
	Title  string `json:"title"`
	Author string `json:"author"`
	Year   *int   `json:"year,omitempty"`
}

// bookInput is what a client may send in a POST or PUT body. The pointers tell a missing field
// (nil) apart from an empty one ("" or 0). There is no ID field on purpose: an "id" in the body is
// ignored, because the server picks ids.
type bookInput struct {
	Title  *string `json:"title"`
	Author *string `json:"author"`
	Year   *int    `json:"year"`
}

// bookStore keeps the books in memory. net/http runs every request in its own goroutine, so books
// and nextID are only touched with mu held.
type bookStore struct {
	mu     sync.Mutex
	books  []Book // in the order they were created (ranging over a map gives a random order)
	nextID int    // the id the next new book gets; ids are never reused
}

func newBookStore() *bookStore {
	return &bookStore{nextID: 1}
}

// register adds the /books routes to mux. Go 1.22 patterns name the method, and {id} is read in
// the handler with r.PathValue("id").
func (s *bookStore) register(mux *http.ServeMux) {
	// Done, as an example.
	mux.HandleFunc("GET /books", s.list)

	// TODO: GET /books/{id} answers 200 with the book, or 404 {"error": "Book 7 not found"} when
	//       there is no such id. r.PathValue("id") is a string (it may be "abc"); the ids are ints.
	mux.HandleFunc("GET /books/{id}", notImplemented("GET /books/{id}"))

	// TODO: POST /books reads the body with decodeBook (below), answers 400 {"error": ...} when it
	//       is invalid, otherwise stores the book with a new id and answers 201 with the book and
	//       a Location header pointing at it (/books/<id>).
	mux.HandleFunc("POST /books", notImplemented("POST /books"))

	// TODO: PUT /books/{id} replaces the whole book: 404 for an unknown id, 400 for an invalid
	//       body, else 200 with the new book. The id comes from the URL, never from the body.
	mux.HandleFunc("PUT /books/{id}", notImplemented("PUT /books/{id}"))

	// TODO: DELETE /books/{id} removes the book and answers 204 with no body; 404 for an unknown id.
	mux.HandleFunc("DELETE /books/{id}", notImplemented("DELETE /books/{id}"))
}

// list answers GET /books with every book, in the order they were created.
func (s *bookStore) list(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	// A copy, so the encoding below runs without the lock. make never returns nil, which matters:
	// a nil slice is encoded as null, and an empty list must be [].
	books := make([]Book, len(s.books))
	copy(books, s.books)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, books)
}

// decodeBook reads a book from the request body. It returns an error whose message names the first
// bad field, or the book (without an id) when the body is fine.
// Rules: title and author are non-empty strings; year is optional, and a whole number when present.
// A request with no body at all, or with something that is not a JSON object, is invalid too.
func decodeBook(r *http.Request) (Book, error) {
	// TODO
	return Book{}, errors.New("decodeBook is not written yet: see the TODO in books.go")
}

// notImplemented stands in for the routes still to write; remove it when you are done.
func notImplemented(route string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotImplemented, route+" is not implemented yet: see the TODO in books.go")
	}
}
