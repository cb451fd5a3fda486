// A game leaderboard API on a Redis sorted set (done for you):
//
//	POST /scores             {"player": "alice", "score": 120}: records a score, keeps the best
//	GET  /leaderboard        ?limit=10&offset=0: one page of the board, best first
//	GET  /players/{player}   the player's score, rank and neighbours (404 when not on the board)
//
// Every answer is JSON; errors are {"error": "..."}. The input is checked here, so the methods in
// leaderboard.go only ever get a valid player name, score, offset and limit.
//
// Configuration comes from the environment:
//
//	PORT, HOST         where to listen (8080, 127.0.0.1)
//	REDIS_URL          the Redis to use (redis://127.0.0.1:6379)
//	REDIS_KEY_PREFIX   put in front of every key: "br-check-1a2b:" -> "br-check-1a2b:leaderboard"
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

var playerName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,32}$`)

const (
	maxScore = 1_000_000_000
	maxLimit = 100
)

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

	board := &Leaderboard{rdb: rdb, key: getenv("REDIS_KEY_PREFIX", "") + "leaderboard"}
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	server := &http.Server{Addr: addr, Handler: newHandler(board), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("Listening on http://%s/leaderboard", addr)
	log.Fatal(server.ListenAndServe())
}

func newHandler(board *Leaderboard) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /scores", func(w http.ResponseWriter, r *http.Request) {
		// json.Number keeps 1.5 apart from 1, so only whole numbers pass.
		var body struct {
			Player *string      `json:"player"`
			Score  *json.Number `json:"score"`
		}
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
		dec.UseNumber()
		if err := dec.Decode(&body); err != nil {
			writeError(w, http.StatusBadRequest, "The body must be a JSON object with player and score: "+err.Error())
			return
		}
		if body.Player == nil || !playerName.MatchString(*body.Player) {
			writeError(w, http.StatusBadRequest, "player must be 1 to 32 letters, digits, _ or -")
			return
		}
		score, ok := wholeScore(body.Score)
		if !ok {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("score must be a whole number from 0 to %d", maxScore))
			return
		}
		result, err := board.SubmitScore(r.Context(), *body.Player, score)
		if err != nil {
			serverError(w, err)
			return
		}
		writeJSON(w, http.StatusOK, result)
	})
	mux.HandleFunc("GET /leaderboard", func(w http.ResponseWriter, r *http.Request) {
		limit, okLimit := whole(r.URL.Query().Get("limit"), 10)
		offset, okOffset := whole(r.URL.Query().Get("offset"), 0)
		if !okLimit || limit < 1 || limit > maxLimit {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("limit must be a whole number from 1 to %d", maxLimit))
			return
		}
		if !okOffset || offset < 0 {
			writeError(w, http.StatusBadRequest, "offset must be a whole number, 0 or more")
			return
		}
		page, err := board.Top(r.Context(), offset, limit)
		if err != nil {
			serverError(w, err)
			return
		}
		writeJSON(w, http.StatusOK, page)
	})
	mux.HandleFunc("GET /players/{player}", func(w http.ResponseWriter, r *http.Request) {
		player := r.PathValue("player")
		var standing *Standing
		if playerName.MatchString(player) {
			var err error
			if standing, err = board.Standing(r.Context(), player); err != nil {
				serverError(w, err)
				return
			}
		}
		if standing == nil {
			writeError(w, http.StatusNotFound, player+" is not on the leaderboard")
			return
		}
		writeJSON(w, http.StatusOK, standing)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "No route for "+r.Method+" "+r.URL.Path)
	})
	return mux
}

// wholeScore accepts a JSON number with no fraction or exponent, from 0 to maxScore.
func wholeScore(n *json.Number) (int64, bool) {
	if n == nil {
		return 0, false
	}
	score, err := strconv.ParseInt(n.String(), 10, 64)
	return score, err == nil && score >= 0 && score <= maxScore
}

// whole reads a query parameter as a whole number: the fallback when it is absent, false when it is
// not one.
func whole(text string, fallback int64) (int64, bool) {
	if text == "" {
		return fallback, true
	}
	n, err := strconv.ParseInt(text, 10, 32)
	return n, err == nil
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("writing the response: %v", err)
	}
}

func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}

func serverError(w http.ResponseWriter, err error) {
	log.Printf("error: %v", err)
	writeError(w, http.StatusInternalServerError, "Internal Server Error")
}
