// The chat room: who has joined, and what to send whom.
//
// Protocol (JSON text frames):
//
//	client -> server  {"type": "join", "name": ...}            {"type": "message", "text": ...}
//	server -> client  {"type": "welcome", "name", "users"}      (to the one who joined)
//	                  {"type": "join", "name", "at"}            (to the others)
//	                  {"type": "message", "from", "text", "at"} (to the others, never the sender)
//	                  {"type": "leave", "name", "at"}           (to the others)
//	                  {"type": "error", "reason"}               (the connection stays open)
package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

const (
	maxName = 32
	maxText = 1000
)

type room struct {
	// Each connection runs in its own goroutine: hold mu while you read or change names.
	mu sync.Mutex
	// Joined clients only: client -> name. A client that has not joined yet is not in here.
	names map[*client]string
}

func newRoom() *room {
	return &room{names: map[*client]string{}}
}

// onMessage handles one text frame from c.
func (rm *room) onMessage(c *client, data []byte) {
	var parsed any
	if err := json.Unmarshal(data, &parsed); err != nil {
		c.sendError("invalid JSON")
		return
	}
	msg, ok := parsed.(map[string]any)
	if !ok {
		c.sendError(`expected a JSON object such as {"type": "join", "name": "ada"}`)
		return
	}
	switch msg["type"] {
	case "join":
		rm.join(c, msg)
	case "message":
		rm.say(c, msg)
	default:
		kind, _ := json.Marshal(msg["type"])
		c.sendError(fmt.Sprintf(`unknown type %s: use "join" or "message"`, kind))
	}
}

func (rm *room) join(c *client, msg map[string]any) {
	raw, isString := msg["name"].(string)
	name := strings.TrimSpace(raw)
	if !isString || name == "" || utf8.RuneCountInString(name) > maxName {
		c.sendError(fmt.Sprintf("name must be a string of 1 to %d characters", maxName))
		return
	}
	rm.mu.Lock()
	if current, joined := rm.names[c]; joined {
		rm.mu.Unlock()
		c.sendError("you already joined as " + current)
		return
	}
	users := []string{} // not a nil slice, which would be encoded as null instead of []
	for _, other := range rm.names {
		if other == name {
			rm.mu.Unlock()
			c.sendError("the name " + name + " is taken")
			return
		}
		users = append(users, other)
	}
	// Who hears of this join is decided together with the join itself: a client joining a moment
	// later sees this name in its welcome, so it must not also get the announcement.
	others := rm.recipients(nil)
	rm.names[c] = name
	rm.mu.Unlock()

	c.send(map[string]any{"type": "welcome", "name": name, "users": users})
	sendAll(others, map[string]any{"type": "join", "name": name, "at": now()})
}

func (rm *room) say(c *client, msg map[string]any) {
	rm.mu.Lock()
	from, joined := rm.names[c]
	rm.mu.Unlock()
	if !joined {
		c.sendError(`join first: send {"type": "join", "name": "..."}`)
		return
	}
	text, isString := msg["text"].(string)
	if !isString || text == "" || utf8.RuneCountInString(text) > maxText {
		c.sendError(fmt.Sprintf("text must be a non-empty string of at most %d characters", maxText))
		return
	}
	rm.broadcast(map[string]any{"type": "message", "from": from, "text": text, "at": now()}, c)
}

// onClose runs once when c's connection ends, however it ended.
func (rm *room) onClose(c *client) {
	rm.mu.Lock()
	name, joined := rm.names[c]
	delete(rm.names, c)
	others := rm.recipients(c)
	rm.mu.Unlock()
	if joined {
		sendAll(others, map[string]any{"type": "leave", "name": name, "at": now()})
	}
}

// broadcast sends msg to every joined client except `except` (the sender).
func (rm *room) broadcast(msg any, except *client) {
	rm.mu.Lock()
	to := rm.recipients(except)
	rm.mu.Unlock()
	sendAll(to, msg)
}

// recipients lists the joined clients other than except; the caller holds rm.mu.
func (rm *room) recipients(except *client) []*client {
	to := make([]*client, 0, len(rm.names))
	for other := range rm.names {
		if other != except {
			to = append(to, other)
		}
	}
	return to
}

// sendAll writes outside the lock, so that a slow client does not hold up the room.
func sendAll(to []*client, msg any) {
	for _, other := range to {
		other.send(msg)
	}
}
