// The read side: a projection of the events into views shaped for readers. It only ever learns about
// the accounts from events; it never looks at the write side's state.
package main

import (
	"sort"
	"sync"
	"time"
)

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
	if e.Position <= r.position {
		return
	}
	switch e.Type {
	case "AccountOpened":
		r.accounts[e.Data.AccountID] = &view{Summary: Summary{AccountID: e.Data.AccountID, Owner: e.Data.Owner}}
	case "MoneyDeposited":
		r.addLine(e.Data.AccountID, e, "deposit", e.Data.Amount)
	case "MoneyWithdrawn":
		r.addLine(e.Data.AccountID, e, "withdrawal", -e.Data.Amount)
	case "MoneyTransferred":
		r.addLine(e.Data.From, e, "transfer_out", -e.Data.Amount)
		r.addLine(e.Data.To, e, "transfer_in", e.Data.Amount)
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
	r.position = 0
	r.accounts = map[string]*view{}
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
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		r.mu.Lock()
		reached, changed := r.position >= minPosition, r.changed
		r.mu.Unlock()
		if reached {
			return true
		}
		select {
		case <-changed:
		case <-deadline.C:
			return false
		}
	}
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
		if minBalance == nil || v.Balance >= *minBalance {
			rows = append(rows, v.Summary)
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Balance != rows[j].Balance {
			return rows[i].Balance > rows[j].Balance
		}
		return rows[i].AccountID < rows[j].AccountID
	})
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
