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
	"sync"
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
	// TODO 1: json.Unmarshal data into a `var msg any`. On an error, c.sendError("invalid JSON")
	//         and return: never panic here and never close the connection. Anything that is not
	//         a JSON object (null, 42, [1]) is an error too: check msg.(map[string]any).
	// TODO 2: switch on the object's "type": "join" -> rm.join, "message" -> rm.say, anything else
	//         -> an error that names the unknown type.
	c.sendError("not implemented yet: see the TODOs in chat.go")
}

func (rm *room) join(c *client, msg map[string]any) {
	// TODO 3: check msg["name"] (a string, 1 to maxName characters after strings.TrimSpace, not
	//         already taken: say "taken" in the reason), and that c has not joined yet. Then
	//         remember the name, send {"type": "welcome", "name": name, "users": [...]} to c
	//         (users: the names already here) and tell the others {"type": "join", "name": name,
	//         "at": now()}. Decide who "the others" are in the same locked section where you add
	//         the name: a client that joins a moment later has this name in its welcome already.
}

func (rm *room) say(c *client, msg map[string]any) {
	// TODO 4: refuse with an error that says "join first" when c has no name yet. Check
	//         msg["text"] (a non-empty string of at most maxText characters), then broadcast
	//         {"type": "message", "from": ..., "text": ..., "at": now()} to the others. Build it
	//         from those four fields only: never pass on what else the client sent.
}

// onClose runs once when c's connection ends, however it ended.
func (rm *room) onClose(c *client) {
	// TODO 5: if c had joined, forget its name and broadcast {"type": "leave", "name": name,
	//         "at": now()} to the others.
}

// broadcast sends msg to every joined client except `except` (the sender).
func (rm *room) broadcast(msg any, except *client) {
	// TODO 6: under the lock, collect the joined clients other than `except`; then, after
	//         unlocking, call send on each (a slow client must not hold up the whole room).
}
