package main

import "sync"

// Link is what the store keeps, and what the stats answer.
type Link struct {
	Code      string `json:"code"`
	URL       string `json:"url"`
	Clicks    int    `json:"clicks"`
	CreatedAt string `json:"createdAt"` // ISO 8601 text, e.g. "2025-01-31T12:00:00.000Z"
}

// memoryRepository is where links live (done for you). The routes only call these three methods,
// so a PostgreSQL or Redis version could replace it without touching a route.
//
//	Insert(link)       -> true when stored, false when the code is already taken. Check and store in
//	                      one step: in SQL that's a UNIQUE (or PRIMARY KEY) column and catching the
//	                      unique-violation error, never SELECT then INSERT.
//	FindByCode(code)   -> the link, and false for an unknown code.
//	RecordClick(code)  -> adds 1 to Clicks and returns the updated link, and false for an unknown
//	                      code. In SQL: UPDATE links SET clicks = clicks + 1 WHERE code = $1 RETURNING *.
//
// net/http runs every request in its own goroutine, so links is only touched with mu held.
type memoryRepository struct {
	mu    sync.Mutex
	links map[string]Link
}

func newMemoryRepository() *memoryRepository {
	return &memoryRepository{links: map[string]Link{}}
}

func (r *memoryRepository) Insert(link Link) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, taken := r.links[link.Code]; taken {
		return false
	}
	r.links[link.Code] = link
	return true
}

func (r *memoryRepository) FindByCode(code string) (Link, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	link, ok := r.links[code]
	return link, ok
}

func (r *memoryRepository) RecordClick(code string) (Link, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	link, ok := r.links[code]
	if !ok {
		return Link{}, false
	}
	link.Clicks++
	r.links[code] = link
	return link, true
}
