package main

// The chat: rooms, history, tokens, the Redis fan-out, presence and the rate limit. See README.md.

import (
	"context"
	"encoding/json"
	"net/url"
	"sync"
	"time"

	"github.com/coder/websocket"
	"github.com/redis/go-redis/v9"
	// "github.com/golang-jwt/jwt/v5" // milestone 3
)

const (
	maxText     = 500
	historyKept = 100
)

// client is one socket of this instance in a room; add fields as you need them.
type client struct {
	conn *websocket.Conn
	name string
}

type chat struct {
	rdb        *redis.Client // commands and PUBLISH; rdb.Subscribe(ctx) gives a subscriber connection
	keyPrefix  string
	secret     []byte
	rateLimit  int
	rateWindow time.Duration

	mu    sync.Mutex                  // guards the maps: requests run on many goroutines
	rooms map[string]map[*client]bool // room -> this instance's sockets in it
}

func newChat(rdb *redis.Client, keyPrefix, secret string, rateLimit int, rateWindow time.Duration) *chat {
	return &chat{
		rdb: rdb, keyPrefix: keyPrefix, secret: []byte(secret), rateLimit: rateLimit, rateWindow: rateWindow,
		rooms: map[string]map[*client]bool{},
	}
}

// now is the server's time as an ISO 8601 string (done).
func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// send writes v to the socket as one JSON text frame (done).
func send(ctx context.Context, conn *websocket.Conn, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return conn.Write(ctx, websocket.MessageText, data)
}

// messages answers GET /rooms/{room}/messages: a status and a JSON body. given says whether the
// limit parameter was there at all.
func (c *chat) messages(ctx context.Context, room, limit string, given bool, authorization string) (int, any) {
	// TODO milestone 2: 200 {"room", "messages"}: the last limit (default 50) messages, newest last;
	//   400 {"error"} when limit is not a whole number from 1 to historyKept.
	// TODO milestone 3: 401 {"error"} without a valid "Bearer <token>" in authorization.
	return 404, map[string]string{"error": "not found"}
}

// users answers GET /rooms/{room}/users.
func (c *chat) users(ctx context.Context, room, authorization string) (int, any) {
	// TODO milestone 5: 200 {"room", "users"}, sorted, from the room's Redis set; 401 without a token.
	return 404, map[string]string{"error": "not found"}
}

// serve runs one WebSocket connection to /rooms/{room} from its start to its end.
func (c *chat) serve(ctx context.Context, conn *websocket.Conn, room string, query url.Values) {
	defer conn.CloseNow()
	// TODO milestone 1: the name is query.Get("name"). Send the welcome {"type": "welcome", "room",
	//   "name"}, add the socket to the room, and tell everyone in the room (the newcomer too)
	//   {"type": "join", "room", "name", "at"}. Then handle its frames (below) until Read fails, and
	//   tell the room {"type": "leave", "room", "name", "at"}.
	// TODO milestone 2: with ?history=N, send {"type": "history", "messages"} right after the welcome.
	// TODO milestone 3: the name comes from the JWT in ?token= (its sub claim); a missing or bad
	//   token closes the connection with code 4401.
	// TODO milestone 4: subscribe (once per room) to the room's channel; events reach the sockets
	//   from there, and every event is PUBLISHed instead of sent directly.
	// TODO milestone 5: keep the name in the room's users set while the user has a socket in it.
	for {
		_, _, err := conn.Read(ctx)
		if err != nil {
			return
		}
		// TODO milestone 1: {"type": "message", "text"} goes to everyone in the room (the sender too)
		//   as {"type": "message", "room", "from", "text", "at"}; anything else answers
		//   {"type": "error", "error": "invalid_message"}.
		// TODO milestone 2: keep the room's last historyKept messages (milestone 4: in a Redis list).
		// TODO milestone 5: over the rate limit, answer {"type": "error", "error": "rate_limited"}.
	}
}
