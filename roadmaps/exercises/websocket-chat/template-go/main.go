// A chat server over WebSockets. The room's rules are in chat.go; this file (done for you) serves
// the WebSocket endpoint / and hands every frame to the room.
package main

import (
	"context"
	"encoding/json"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/coder/websocket"
)

// One chat line never needs more than 16 KiB: a bigger frame closes that connection with code
// 1009 ("message too big"). Without a limit of your own, the library allows 32 KiB.
const maxFrame = 16 * 1024

func main() {
	// The checks start the program with PORT (and HOST) set, then wait until it listens there.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	room := newRoom()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", room.serveWS)
	server := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Chat server on ws://%s/", addr)
	log.Fatal(server.ListenAndServe())
}

// serveWS upgrades the request to a WebSocket, then reads frames until the connection ends.
func (rm *room) serveWS(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return // Accept has already answered the request with an error.
	}
	conn.SetReadLimit(maxFrame)
	c := &client{conn: conn}
	defer conn.CloseNow()
	// Runs however the connection ended: a close frame, a dropped connection, a frame too big.
	defer rm.onClose(c)
	for {
		kind, data, err := conn.Read(context.Background())
		if err != nil {
			return
		}
		if kind != websocket.MessageText {
			c.sendError("send JSON as text frames, not binary")
			continue
		}
		rm.onMessage(c, data)
	}
}

// client is one connection. Write is safe to call from several goroutines at once.
type client struct {
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

func (c *client) sendError(reason string) {
	c.send(map[string]any{"type": "error", "reason": reason})
}

// now is the server's time as an ISO 8601 string in UTC, such as 2025-01-31T12:00:00.000Z.
func now() string {
	return time.Now().UTC().Format("2006-01-02T15:04:05.000Z07:00")
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}
