// The read side: a projection of the events into views shaped for readers. It only ever learns about
// the accounts from events; it never looks at the write side's state.
package main

import (
	"sort"
	"sync"
	"time"
)

var _ = sort.Slice // TODO 6 uses it

// Line is one line of a statement: Balance is the balance right after it.
type Line struct {
	Position int64  `json:"position"`
	Type     string `json:"type"`
	Amount   int64  `json:"amount"`
	Balance  int64  `json:"balance"`
}

// Summary is an account as readers see it.
type Summary struct {
	AccountID string `json:"accountId"`
	Owner     string `json:"owner"`
	Balance   int64  `json:"balance"`
}

type view struct {
	Summary
	lines []Line
}

// ReadSide holds the views and the position of the last event applied (0: none yet).
type ReadSide struct {
	mu       sync.Mutex
	position int64
	accounts map[string]*view
	// changed is closed (and replaced) whenever the position moves, waking the waiting queries.
	changed chan struct{}
}

func NewReadSide() *ReadSide {
	return &ReadSide{accounts: map[string]*view{}, changed: make(chan struct{})}
}

func (r *ReadSide) addLine(accountID string, e Event, kind string, amount int64) {
	v := r.accounts[accountID]
	v.Balance += amount
	v.lines = append(v.lines, Line{Position: e.Position, Type: kind, Amount: amount, Balance: v.Balance})
}

// apply applies one event, once: an event at or below the position is already in the views. r.mu is held.
func (r *ReadSide) apply(e Event) {
	// TODO 5: skip an event the read model already has (its position is not above r.position): after
	// a rebuild, the queue still delivers events the rebuild has applied.
	switch e.Type {
	case "AccountOpened":
		r.accounts[e.Data.AccountID] = &view{Summary: Summary{AccountID: e.Data.AccountID, Owner: e.Data.Owner}}
		// TODO 3: MoneyDeposited adds a "deposit" line, MoneyWithdrawn a "withdrawal" line (negative
		// amount), MoneyTransferred a "transfer_out" line on From AND a "transfer_in" line on To. Use
		// r.addLine.
	}
	r.position = e.Position
	close(r.changed)
	r.changed = make(chan struct{})
}

// Apply is what the queue calls for every event.
func (r *ReadSide) Apply(e Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.apply(e)
}

// Rebuild throws the views away and applies every event of the log again, in order.
func (r *ReadSide) Rebuild(events []Event) int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	// TODO 5: start from empty views and position 0, then apply every event in order.
	for _, e := range events {
		r.apply(e)
	}
	return r.position
}

// Position is the position of the last event applied.
func (r *ReadSide) Position() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.position
}

// WaitFor reports whether the read model reached minPosition within timeout.
func (r *ReadSide) WaitFor(minPosition int64, timeout time.Duration) bool {
	// TODO 4: return true as soon as r.position >= minPosition (read it with r.mu held). Until then,
	// wait for r.changed to be closed (apply closes it on every event) or for the timeout, whichever
	// comes first (a select on the channel and a time.Timer), and return false on the timeout.
	return true
}

// Account is the account's summary and the position, or ok false.
func (r *ReadSide) Account(id string) (Summary, int64, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	v, ok := r.accounts[id]
	if !ok {
		return Summary{}, r.position, false
	}
	return v.Summary, r.position, true
}

// List is the accounts whose balance is at least minBalance, highest balance first (ties: by id).
func (r *ReadSide) List(minBalance *int64) ([]Summary, int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rows := []Summary{}
	for _, v := range r.accounts {
		// TODO 6: only balances >= *minBalance (when minBalance is not nil).
		rows = append(rows, v.Summary)
	}
	// TODO 6: highest balance first, equal balances by AccountID (A to Z): sort.Slice.
	return rows, r.position
}

// Statement is the account's summary and its lines (a copy), and the position, or ok false.
func (r *ReadSide) Statement(id string) (Summary, []Line, int64, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	v, ok := r.accounts[id]
	if !ok {
		return Summary{}, nil, r.position, false
	}
	return v.Summary, append([]Line{}, v.lines...), r.position, true
}
