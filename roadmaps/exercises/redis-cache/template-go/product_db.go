package main

// The "database" (done for you): an in-memory product table that waits 100 ms per call, like a
// slow source, and counts its calls so GET /stats can show whether the cache saved a trip.

import (
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Product is what the API answers and what the cache stores, as JSON.
type Product struct {
	ID         int    `json:"id"`
	Name       string `json:"name"`
	PriceCents int    `json:"priceCents"`
}

// ProductUpdate holds the fields a PUT may change; nil means "leave as it is".
type ProductUpdate struct {
	Name       *string `json:"name"`
	PriceCents *int    `json:"priceCents"`
}

// ErrInvalidProduct is returned by SaveProduct when a field is invalid; nothing was saved.
var ErrInvalidProduct = errors.New("invalid product")

type ProductDB struct {
	mu     sync.Mutex
	table  map[int]Product
	delay  time.Duration
	Reads  atomic.Int64
	Writes atomic.Int64
}

func NewProductDB() *ProductDB {
	return &ProductDB{
		delay: 100 * time.Millisecond,
		table: map[int]Product{
			1: {ID: 1, Name: "Kettle", PriceCents: 2999},
			2: {ID: 2, Name: "Teapot", PriceCents: 1999},
			3: {ID: 3, Name: "Mug", PriceCents: 899},
		},
	}
}

// FindProduct returns a copy of the product, or nil when there is none.
func (db *ProductDB) FindProduct(id int) *Product {
	db.Reads.Add(1)
	time.Sleep(db.delay)
	db.mu.Lock()
	defer db.mu.Unlock()
	row, ok := db.table[id]
	if !ok {
		return nil
	}
	return &row
}

// SaveProduct saves the fields that are set and returns the saved product, or nil when there is no
// such product. It returns an error wrapping ErrInvalidProduct, and saves nothing, when a field is
// invalid.
func (db *ProductDB) SaveProduct(id int, fields ProductUpdate) (*Product, error) {
	db.Writes.Add(1)
	time.Sleep(db.delay)
	db.mu.Lock()
	defer db.mu.Unlock()
	row, ok := db.table[id]
	if !ok {
		return nil, nil
	}
	if fields.Name != nil {
		if strings.TrimSpace(*fields.Name) == "" {
			return nil, errors.Join(ErrInvalidProduct, errors.New("name must be a non-empty string"))
		}
		row.Name = *fields.Name
	}
	if fields.PriceCents != nil {
		if *fields.PriceCents < 0 {
			return nil, errors.Join(ErrInvalidProduct, errors.New("priceCents must be a whole number of cents, 0 or more"))
		}
		row.PriceCents = *fields.PriceCents
	}
	db.table[id] = row
	return &row, nil
}
