// A WebSocket service that fans Redis Pub/Sub messages out to rooms. The rooms and the
// subscriptions are in fanout.go; this file (done for you) serves /rooms/{room} and hands every
// connection to the fan-out. Configuration comes from the environment:
//
//	PORT, HOST         where to listen (8080, 127.0.0.1)
//	REDIS_URL          the Redis to use (redis://127.0.0.1:6379)
//	REDIS_KEY_PREFIX   put in front of every channel: "br-check-1a2b:" -> "br-check-1a2b:room:kitchen"
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"log"
	"net"
	"net/http"
	"os"
	"regexp"
	"time"

	"github.com/coder/websocket"
	"github.com/redis/go-redis/v9"
)

var roomName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,40}$`)

func main() {
	opts, err := redis.ParseURL(getenv("REDIS_URL", "redis://127.0.0.1:6379"))
	if err != nil {
		log.Fatalf("REDIS_URL: %v", err)
	}
	rdb := redis.NewClient(opts)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		log.Fatalf("Redis is not reachable at REDIS_URL (%v). Start one, e.g. `redis-server`.", err)
	}

	f := newFanout(rdb, getenv("REDIS_KEY_PREFIX", "")+"room:")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /rooms/{room}", f.serveWS)
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Listening on ws://%s/rooms/<room>", addr)
	log.Fatal(server.ListenAndServe())
}

// serveWS upgrades the request, joins the client to its room, publishes what it sends, and
// leaves the room however the connection ends.
func (f *fanout) serveWS(w http.ResponseWriter, r *http.Request) {
	room := r.PathValue("room")
	if !roomName.MatchString(room) {
		http.NotFound(w, r)
		return
	}
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return // Accept has already answered the request with an error.
	}
	conn.SetReadLimit(64 * 1024)
	defer conn.CloseNow()
	c := &client{id: newID(), conn: conn}
	defer f.leave(room, c)
	if err := f.join(r.Context(), room, c); err != nil {
		log.Printf("joining %s: %v", room, err)
		conn.Close(websocket.StatusInternalError, "Redis is not available")
		return
	}
	c.send(map[string]any{"type": "joined", "room": room, "id": c.id})
	for {
		kind, data, err := conn.Read(context.Background())
		if err != nil {
			return
		}
		if kind == websocket.MessageText {
			if err := f.publish(context.Background(), room, c.id, string(data)); err != nil {
				log.Printf("publishing to %s: %v", room, err)
			}
		}
	}
}

// client is one connection. Write is safe to call from several goroutines at once.
type client struct {
	id   string
	conn *websocket.Conn
}

// send writes msg as one JSON text frame. A client that just went away cannot be written to; its
// own serveWS cleans up after it.
func (c *client) send(msg any) {
	data, err := json.Marshal(msg)
	if err != nil {
		log.Printf("encoding %v: %v", msg, err)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = c.conn.Write(ctx, websocket.MessageText, data)
}

func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
