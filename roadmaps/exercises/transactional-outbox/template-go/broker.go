// A message broker in the same process (done for you), standing in for RabbitMQ, Kafka or SNS.
// Publish accepts a message and keeps it; while the broker is "down" it returns
// ErrBrokerUnavailable instead, as a real client does when the broker cannot be reached. The HTTP
// API lets the checks read what was published (GET /published) and switch an outage on and off
// (POST /broker/outage).
package main

import (
	"encoding/json"
	"errors"
	"slices"
	"sync"
	"time"
)

var ErrBrokerUnavailable = errors.New("the broker is unavailable (outage)")

// Message is what the relay publishes: the outbox row's id, its type and its payload (JSON).
type Message struct {
	ID      int64           `json:"id"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload"`
}

type Broker struct {
	mu        sync.Mutex
	published []Message
	down      bool
}

func (b *Broker) Publish(m Message) error {
	time.Sleep(time.Millisecond) // a network round trip, roughly
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.down {
		return ErrBrokerUnavailable
	}
	m.Payload = slices.Clone(m.Payload)
	b.published = append(b.published, m)
	return nil
}

func (b *Broker) Published() []Message {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]Message{}, b.published...)
}

func (b *Broker) SetDown(down bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.down = down
}

func (b *Broker) IsDown() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.down
}
