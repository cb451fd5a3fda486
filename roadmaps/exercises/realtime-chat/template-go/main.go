// A chat service: rooms over WebSocket, history, tokens, fan-out through Redis, presence and a rate
// limit. The chat itself is in chat.go; this file (done for you) serves the routes and hands every
// request to it. Configuration comes from the environment:
//
//	PORT, HOST                   where to listen (8080, 127.0.0.1)
//	REDIS_URL                    the Redis to use from milestone 4 on (redis://127.0.0.1:6379)
//	REDIS_KEY_PREFIX             put in front of every Redis key and channel (milestone 4)
//	JWT_SECRET                   the HS256 secret of the tokens (milestone 3)
//	RATE_LIMIT, RATE_WINDOW_MS   at most RATE_LIMIT messages per user in any RATE_WINDOW_MS (milestone 5)
package main

import (
	"context"
	"encoding/json"
	"log"
	"net"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"time"

	"github.com/coder/websocket"
	"github.com/redis/go-redis/v9"
)

var roomName = regexp.MustCompile(`^[a-z0-9-]{1,32}$`)

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
	limit, _ := strconv.Atoi(getenv("RATE_LIMIT", "5"))
	windowMs, _ := strconv.Atoi(getenv("RATE_WINDOW_MS", "10000"))
	chat := newChat(rdb, getenv("REDIS_KEY_PREFIX", ""), getenv("JWT_SECRET", "change-me"), limit, time.Duration(windowMs)*time.Millisecond)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /rooms/{room}", func(w http.ResponseWriter, r *http.Request) {
		room := r.PathValue("room")
		if !roomName.MatchString(room) {
			http.NotFound(w, r)
			return
		}
		conn, err := websocket.Accept(w, r, nil)
		if err != nil {
			return // Accept has answered the request
		}
		conn.SetReadLimit(64 * 1024)
		chat.serve(r.Context(), conn, room, r.URL.Query())
	})
	mux.HandleFunc("GET /rooms/{room}/messages", func(w http.ResponseWriter, r *http.Request) {
		limit, given := r.URL.Query()["limit"]
		value := ""
		if given {
			value = limit[0]
		}
		status, body := chat.messages(r.Context(), r.PathValue("room"), value, given, r.Header.Get("Authorization"))
		writeJSON(w, status, body)
	})
	mux.HandleFunc("GET /rooms/{room}/users", func(w http.ResponseWriter, r *http.Request) {
		status, body := chat.users(r.Context(), r.PathValue("room"), r.Header.Get("Authorization"))
		writeJSON(w, status, body)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "not found"})
	})

	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	log.Printf("Listening on http://%s", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
