// The event log and the queue between the two sides. Done for you.
//
// Append gives each event the next position (1, 2, 3, … across all accounts) and keeps it for ever.
// Every appended event is also put on a queue; one goroutine takes them off in order and hands each to
// the subscriber delay after it was appended: the read side hears about a write a little later, as it
// would through a message broker.
package main

import (
	"sync"
	"time"
)

// EventData holds the fields of every kind of event; the ones a kind does not use stay empty.
//
//	AccountOpened    {accountId, owner}
//	MoneyDeposited   {accountId, amount}
//	MoneyWithdrawn   {accountId, amount}
//	MoneyTransferred {from, to, amount}
type EventData struct {
	AccountID string `json:"accountId,omitempty"`
	Owner     string `json:"owner,omitempty"`
	From      string `json:"from,omitempty"`
	To        string `json:"to,omitempty"`
	Amount    int64  `json:"amount,omitempty"`
}

// Event is a recorded event: its position in the log, its type and its data.
type Event struct {
	Position int64     `json:"position"`
	Type     string    `json:"type"`
	Data     EventData `json:"data"`
}

type queued struct {
	event Event
	due   time.Time
}

// EventLog is the append-only log, with the queue to the read side.
type EventLog struct {
	mu     sync.Mutex
	events []Event
	queue  chan queued
	delay  time.Duration
}

// NewEventLog starts the delivery goroutine, which calls subscriber for every event, in order.
func NewEventLog(delay time.Duration, subscriber func(Event)) *EventLog {
	log := &EventLog{queue: make(chan queued, 100000), delay: delay}
	go func() {
		for q := range log.queue {
			time.Sleep(time.Until(q.due))
			subscriber(q.event)
		}
	}()
	return log
}

// Append records the events (Position is filled in) in one go and returns them.
func (l *EventLog) Append(events []Event) []Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	stored := make([]Event, len(events))
	for i, e := range events {
		e.Position = int64(len(l.events) + 1)
		l.events = append(l.events, e)
		stored[i] = e
		l.queue <- queued{event: e, due: time.Now().Add(l.delay)}
	}
	return stored
}

// All is the whole log, oldest first (a copy).
func (l *EventLog) All() []Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Event(nil), l.events...)
}
