// The rooms, the Redis subscriptions and the relaying. See README.md for the rules.
package main

import (
	"context"
	"sync"

	"github.com/redis/go-redis/v9"
)

type room struct {
	clients map[*client]struct{}
}

type fanout struct {
	rdb    *redis.Client // for PUBLISH
	prefix string        // REDIS_KEY_PREFIX + "room:"
	// TODO: one subscriber connection for every room: rdb.Subscribe(ctx) with no channel gives a
	// *redis.PubSub that opens its own connection. Something has to read from it (a goroutine).

	mu    sync.Mutex
	rooms map[string]*room
}

func newFanout(rdb *redis.Client, prefix string) *fanout {
	return &fanout{rdb: rdb, prefix: prefix, rooms: map[string]*room{}}
}

func (f *fanout) channelOf(name string) string {
	// TODO: the channel is prefix + the room's name (prefix is REDIS_KEY_PREFIX + "room:").
	return name
}

// join adds c to its room and returns once this instance is subscribed to the room's channel.
func (f *fanout) join(ctx context.Context, name string, c *client) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.rooms[name]
	if r == nil {
		r = &room{clients: map[*client]struct{}{}}
		f.rooms[name] = r
		// TODO: the room's first client: SUBSCRIBE to its channel. Return only once Redis has
		// confirmed it (a *redis.Subscription with Kind "subscribe" arrives on the PubSub).
	}
	r.clients[c] = struct{}{}
	return nil
}

// leave is called once when c's connection ends, however it ends.
func (f *fanout) leave(name string, c *client) {
	// TODO: remove c from its room; if the room is now empty, forget it and UNSUBSCRIBE its channel.
}

// publish is called with each text frame a client sends.
func (f *fanout) publish(ctx context.Context, name, from, text string) error {
	// TODO: PUBLISH {"from": from, "text": text} as JSON on the room's channel.
	return nil
}

// deliver: call it with each message that arrives on a room's channel.
func (f *fanout) deliver(name, raw string) {
	// TODO: parse raw as JSON; skip it if it is not an object with a string "text". Send
	// {"type": "message", "room": …, "from": …, "text": …} to every client of the room except the
	// one whose id is "from" (use c.send).
}
