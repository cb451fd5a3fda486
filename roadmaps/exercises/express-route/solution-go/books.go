package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
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
	mux.HandleFunc("GET /books", s.list)
	mux.HandleFunc("GET /books/{id}", s.get)
	mux.HandleFunc("POST /books", s.create)
	mux.HandleFunc("PUT /books/{id}", s.replace)
	mux.HandleFunc("DELETE /books/{id}", s.remove)
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

func (s *bookStore) get(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		notFound(w, r)
		return
	}
	book, found := s.find(id)
	if !found {
		notFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, book)
}

func (s *bookStore) create(w http.ResponseWriter, r *http.Request) {
	book, err := decodeBook(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.mu.Lock()
	book.ID = s.nextID
	s.nextID++
	s.books = append(s.books, book)
	s.mu.Unlock()
	w.Header().Set("Location", fmt.Sprintf("/books/%d", book.ID))
	writeJSON(w, http.StatusCreated, book)
}

func (s *bookStore) replace(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		notFound(w, r)
		return
	}
	// An unknown id is a 404 whatever the body says. The body is read without the lock held
	// (reading from the network can be slow), so the book is looked up again before replacing it:
	// another request may have deleted it meanwhile.
	if _, found := s.find(id); !found {
		notFound(w, r)
		return
	}
	book, err := decodeBook(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	// PUT replaces the whole book: whatever the body left out (a year, say) is gone afterwards.
	book.ID = id
	s.mu.Lock()
	i := s.indexOf(id)
	if i >= 0 {
		s.books[i] = book
	}
	s.mu.Unlock()
	if i < 0 {
		notFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, book)
}

func (s *bookStore) remove(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		notFound(w, r)
		return
	}
	s.mu.Lock()
	i := s.indexOf(id)
	if i >= 0 {
		s.books = slices.Delete(s.books, i, i+1)
	}
	s.mu.Unlock()
	if i < 0 {
		notFound(w, r)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// find is the book with that id; found is false when there is none.
func (s *bookStore) find(id int) (book Book, found bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i := s.indexOf(id); i >= 0 {
		return s.books[i], true
	}
	return Book{}, false
}

// indexOf is the position of the book with that id in s.books, or -1. The caller holds s.mu.
func (s *bookStore) indexOf(id int) int {
	return slices.IndexFunc(s.books, func(b Book) bool { return b.ID == id })
}

// pathID is the {id} of the URL as a number; ok is false when it is not one ("abc"), which can
// never be the id of a book.
func pathID(r *http.Request) (id int, ok bool) {
	id, err := strconv.Atoi(r.PathValue("id"))
	return id, err == nil
}

func notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, fmt.Sprintf("Book %s not found", r.PathValue("id")))
}

// decodeBook reads a book from the request body. It returns an error whose message names the first
// bad field, or the book (without an id) when the body is fine.
// Rules: title and author are non-empty strings; year is optional, and a whole number when present.
// A request with no body at all, or with something that is not a JSON object, is invalid too.
func decodeBook(r *http.Request) (Book, error) {
	var in bookInput
	// A book is small: read at most 1 MB of whatever a client sends (a longer body is cut short,
	// and so is not valid JSON).
	err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&in)
	// A JSON value of the wrong type ("year": "1999", "year": 1999.5, "author": 42) is an
	// UnmarshalTypeError that knows which field it was for.
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return Book{}, badField(typeErr.Field)
	case errors.As(err, &typeErr): // the body itself is not an object: an array, a string...
		return Book{}, fmt.Errorf("%s, not a JSON %s", notABook, typeErr.Value)
	case errors.Is(err, io.EOF):
		return Book{}, fmt.Errorf("%s, and the body is empty", notABook)
	case err != nil: // not JSON at all
		return Book{}, fmt.Errorf("%s: %v", notABook, err)
	}

	title, ok := nonEmpty(in.Title)
	if !ok {
		return Book{}, badField("title")
	}
	author, ok := nonEmpty(in.Author)
	if !ok {
		return Book{}, badField("author")
	}
	// Only the known fields are copied, so a client cannot choose its own id.
	return Book{Title: title, Author: author, Year: in.Year}, nil
}

// nonEmpty is the trimmed string s points to; ok is false when s is nil or blank.
func nonEmpty(s *string) (string, bool) {
	if s == nil {
		return "", false
	}
	trimmed := strings.TrimSpace(*s)
	return trimmed, trimmed != ""
}

const notABook = `the body must be a JSON object with "title" and "author"`

// badField is the error for a field that is missing or has the wrong type or value.
func badField(name string) error {
	if name == "year" {
		return errors.New(`"year" must be a whole number when present`)
	}
	return fmt.Errorf("%q is required and must be a non-empty string", name)
}
