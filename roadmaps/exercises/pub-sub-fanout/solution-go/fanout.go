// The rooms, the Redis subscriptions and the relaying.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

type room struct {
	clients map[*client]struct{}
	ready   chan struct{} // closed once Redis confirmed the room's SUBSCRIBE
	isReady bool
}

type fanout struct {
	rdb    *redis.Client // publishes; never subscribes
	prefix string        // REDIS_KEY_PREFIX + "room:"
	pubsub *redis.PubSub // the one subscriber connection, for every room

	mu    sync.Mutex
	rooms map[string]*room
}

func newFanout(rdb *redis.Client, prefix string) *fanout {
	f := &fanout{rdb: rdb, prefix: prefix, rooms: map[string]*room{}}
	// Subscribe with no channel yet: a PubSub whose connection is opened on first use.
	f.pubsub = rdb.Subscribe(context.Background())
	go f.read()
	return f
}

func (f *fanout) channelOf(name string) string { return f.prefix + name }

// join adds c to its room and returns once this instance is subscribed to the room's channel.
func (f *fanout) join(ctx context.Context, name string, c *client) error {
	f.mu.Lock()
	r := f.rooms[name]
	if r == nil {
		r = &room{clients: map[*client]struct{}{}, ready: make(chan struct{})}
		f.rooms[name] = r
		// Under the lock, so a SUBSCRIBE and an UNSUBSCRIBE of one room go out in the order decided.
		if err := f.pubsub.Subscribe(ctx, f.channelOf(name)); err != nil {
			delete(f.rooms, name)
			f.mu.Unlock()
			return err
		}
	}
	r.clients[c] = struct{}{}
	f.mu.Unlock()
	select {
	case <-r.ready:
		return nil
	case <-time.After(5 * time.Second):
		return fmt.Errorf("no SUBSCRIBE confirmation for %s", f.channelOf(name))
	}
}

// leave removes c; the last client out unsubscribes the room's channel.
func (f *fanout) leave(name string, c *client) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.rooms[name]
	if r == nil {
		return
	}
	if _, ok := r.clients[c]; !ok {
		return
	}
	delete(r.clients, c)
	if len(r.clients) > 0 {
		return
	}
	delete(f.rooms, name)
	if err := f.pubsub.Unsubscribe(context.Background(), f.channelOf(name)); err != nil {
		log.Printf("unsubscribing %s: %v", name, err)
	}
}

func (f *fanout) publish(ctx context.Context, name, from, text string) error {
	data, err := json.Marshal(map[string]string{"from": from, "text": text})
	if err != nil {
		return err
	}
	return f.rdb.Publish(ctx, f.channelOf(name), data).Err()
}

// read receives everything the subscriber connection gets: confirmations and messages.
func (f *fanout) read() {
	for msg := range f.pubsub.ChannelWithSubscriptions() {
		switch m := msg.(type) {
		case *redis.Subscription:
			if m.Kind == "subscribe" {
				f.confirm(m.Channel)
			}
		case *redis.Message:
			if len(m.Channel) > len(f.prefix) && m.Channel[:len(f.prefix)] == f.prefix {
				f.deliver(m.Channel[len(f.prefix):], m.Payload)
			}
		}
	}
}

func (f *fanout) confirm(channel string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if r := f.rooms[channel[min(len(f.prefix), len(channel)):]]; r != nil && !r.isReady {
		r.isReady = true
		close(r.ready)
	}
}

func (f *fanout) deliver(name, raw string) {
	var msg struct {
		From json.RawMessage `json:"from"`
		Text *string         `json:"text"`
	}
	// Not a JSON object, or no string text: skipped.
	if err := json.Unmarshal([]byte(raw), &msg); err != nil || msg.Text == nil {
		return
	}
	// A missing or non-string from is sent as null.
	var sender *string
	var s string
	if json.Unmarshal(msg.From, &s) == nil {
		sender = &s
	}
	var from any
	if sender != nil {
		from = *sender
	}
	f.mu.Lock()
	var to []*client
	if r := f.rooms[name]; r != nil {
		for c := range r.clients {
			if sender == nil || c.id != *sender {
				to = append(to, c)
			}
		}
	}
	f.mu.Unlock()
	frame := map[string]any{"type": "message", "room": name, "from": from, "text": *msg.Text}
	for _, c := range to {
		c.send(frame)
	}
}
