package main

import (
	"context"

	"github.com/redis/go-redis/v9"
)

// Leaderboard keeps a game leaderboard in one Redis sorted set: each member is a player's name, its
// score the player's best. key is REDIS_KEY_PREFIX + "leaderboard".
//
// Ranks start at 1 (the best score). Equal scores are listed in the order Redis gives them in a
// descending range: the name that sorts later comes first.
type Leaderboard struct {
	rdb *redis.Client
	key string
}

// Entry is one line of the board.
type Entry struct {
	Rank   int64  `json:"rank"`
	Player string `json:"player"`
	Score  int64  `json:"score"`
}

// Page is one page of the board, best first. Entries is never nil (an empty page is []).
type Page struct {
	Total   int64   `json:"total"`
	Entries []Entry `json:"entries"`
}

// Submitted is the answer to a score: the player's best score after it.
type Submitted struct {
	Player string `json:"player"`
	Best   int64  `json:"best"`
}

// Standing is a player's place on the board, with the entries from two ranks above to two ranks
// below (the player included), fewer at either end.
type Standing struct {
	Player string  `json:"player"`
	Score  int64   `json:"score"`
	Rank   int64   `json:"rank"`
	Around []Entry `json:"around"`
}

// SubmitScore records a score and answers the player's best score so far.
func (l *Leaderboard) SubmitScore(ctx context.Context, player string, score int64) (Submitted, error) {
	// TODO: add the player to the sorted set, but only ever raise the score, never lower it:
	//   ZADD key GT score player (new players are added; a lower score leaves the best alone).
	//   Then read the stored score back (ZSCORE) and answer it as Best.
	return Submitted{Player: player, Best: score}, nil
}

// Top answers one page: offset counts entries skipped (0 for the first page), limit is how many to
// answer at most.
func (l *Leaderboard) Top(ctx context.Context, offset, limit int64) (Page, error) {
	// TODO: Total is the number of players (ZCARD).
	//   Entries: ZRANGE key start stop REV WITHSCORES, where start and stop are positions counted
	//   from the best (0) and stop is included. Each entry's rank is its position + 1.
	//   A page past the end is simply empty.
	return Page{Total: 0, Entries: []Entry{}}, nil
}

// Standing answers the player's standing, or nil when they are not on the board.
func (l *Leaderboard) Standing(ctx context.Context, player string) (*Standing, error) {
	// TODO: ZREVRANK gives the player's position from the best (0), or redis.Nil when absent.
	//   ZSCORE gives the score. Around: the positions from position - 2 to position + 2, but never
	//   from below 0 (a negative start counts from the end of the set in Redis).
	return nil, nil
}
