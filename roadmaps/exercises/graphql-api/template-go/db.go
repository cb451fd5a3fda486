// A pretend database (done for you), with a counter of the queries it ran, so an N+1 problem shows.
// Each newDB() starts from the same sample data. It is safe to use from many requests at once.
package main

import (
	"strconv"
	"sync"
)

// Book is a book row. It has the author's id, not the author: resolving the author is the schema's job.
type Book struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Year     *int   `json:"year"` // nil: no year
	AuthorID string `json:"-"`
}

// Author is an author row.
type Author struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Stats counts the queries; GET /stats shows the author ones.
type Stats struct {
	BookQueries        int
	AuthorQueries      int // calls to FindAuthorsByIDs
	AuthorIDsRequested int // ids those calls asked for, in all
}

type DB struct {
	mu      sync.Mutex
	authors map[string]Author
	books   []Book
	stats   Stats
}

func newDB() *DB {
	year := func(y int) *int { return &y }
	return &DB{
		authors: map[string]Author{
			"1": {ID: "1", Name: "Ursula K. Le Guin"},
			"2": {ID: "2", Name: "Octavia E. Butler"},
			"3": {ID: "3", Name: "Terry Pratchett"},
		},
		books: []Book{
			{ID: "1", Title: "A Wizard of Earthsea", Year: year(1968), AuthorID: "1"},
			{ID: "2", Title: "The Left Hand of Darkness", Year: year(1969), AuthorID: "1"},
			{ID: "3", Title: "Kindred", Year: year(1979), AuthorID: "2"},
			{ID: "4", Title: "Parable of the Sower", Year: year(1993), AuthorID: "2"},
			{ID: "5", Title: "Guards! Guards!", Year: year(1989), AuthorID: "3"},
		},
	}
}

// ListBooks answers every book, in the order they were added.
func (db *DB) ListBooks() ([]*Book, error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.stats.BookQueries++
	return db.booksWhere(func(Book) bool { return true }), nil
}

// FindBook answers the book with this id, or nil when there is none.
func (db *DB) FindBook(id string) (*Book, error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.stats.BookQueries++
	if found := db.booksWhere(func(b Book) bool { return b.ID == id }); len(found) > 0 {
		return found[0], nil
	}
	return nil, nil
}

// ListBooksByAuthor answers the author's books, in the order they were added.
func (db *DB) ListBooksByAuthor(authorID string) ([]*Book, error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.stats.BookQueries++
	return db.booksWhere(func(b Book) bool { return b.AuthorID == authorID }), nil
}

// FindAuthorsByIDs is one query for many ids, like `SELECT ... WHERE id = ANY($1)`. The results
// follow the order of ids, with nil for an id that has no author.
func (db *DB) FindAuthorsByIDs(ids []string) ([]*Author, error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.stats.AuthorQueries++
	db.stats.AuthorIDsRequested += len(ids)
	out := make([]*Author, len(ids))
	for i, id := range ids {
		if a, ok := db.authors[id]; ok {
			out[i] = &a
		}
	}
	return out, nil
}

// FindAuthor is one query for one id. Called once per book, this is the N+1 problem.
func (db *DB) FindAuthor(id string) (*Author, error) {
	authors, err := db.FindAuthorsByIDs([]string{id})
	if err != nil {
		return nil, err
	}
	return authors[0], nil
}

// InsertBook stores a new book and answers it, with its new id.
func (db *DB) InsertBook(title, authorID string, year *int) (*Book, error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.stats.BookQueries++
	book := Book{ID: strconv.Itoa(len(db.books) + 1), Title: title, Year: year, AuthorID: authorID}
	db.books = append(db.books, book)
	return &book, nil
}

// Stats answers a copy of the counters.
func (db *DB) Stats() Stats {
	db.mu.Lock()
	defer db.mu.Unlock()
	return db.stats
}

// booksWhere copies the matching rows, so callers cannot change the stored ones. Call it with db.mu held.
func (db *DB) booksWhere(keep func(Book) bool) []*Book {
	out := []*Book{}
	for _, b := range db.books {
		if keep(b) {
			b := b
			out = append(out, &b)
		}
	}
	return out
}
