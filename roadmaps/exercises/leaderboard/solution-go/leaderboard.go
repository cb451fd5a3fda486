package main

import (
	"context"
	"errors"

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

// around is how many ranks above and below a player Standing reaches.
const around = 2

// SubmitScore records a score and answers the player's best score so far.
func (l *Leaderboard) SubmitScore(ctx context.Context, player string, score int64) (Submitted, error) {
	// GT: a new member is added; an existing one only ever moves up, compared inside Redis.
	if err := l.rdb.ZAddGT(ctx, l.key, redis.Z{Score: float64(score), Member: player}).Err(); err != nil {
		return Submitted{}, err
	}
	best, err := l.rdb.ZScore(ctx, l.key, player).Result()
	if err != nil {
		return Submitted{}, err
	}
	return Submitted{Player: player, Best: int64(best)}, nil
}

// rangeOf answers positions start..stop (both included, 0 = the best) as entries with 1-based ranks.
func (l *Leaderboard) rangeOf(ctx context.Context, start, stop int64) ([]Entry, error) {
	members, err := l.rdb.ZRevRangeWithScores(ctx, l.key, start, stop).Result()
	if err != nil {
		return nil, err
	}
	entries := make([]Entry, 0, len(members))
	for i, m := range members {
		name, _ := m.Member.(string)
		entries = append(entries, Entry{Rank: start + int64(i) + 1, Player: name, Score: int64(m.Score)})
	}
	return entries, nil
}

// Top answers one page: offset counts entries skipped, limit is how many to answer at most.
func (l *Leaderboard) Top(ctx context.Context, offset, limit int64) (Page, error) {
	total, err := l.rdb.ZCard(ctx, l.key).Result()
	if err != nil {
		return Page{}, err
	}
	entries := []Entry{}
	if offset < total {
		if entries, err = l.rangeOf(ctx, offset, offset+limit-1); err != nil {
			return Page{}, err
		}
	}
	return Page{Total: total, Entries: entries}, nil
}

// Standing answers the player's standing, or nil when they are not on the board.
func (l *Leaderboard) Standing(ctx context.Context, player string) (*Standing, error) {
	position, err := l.rdb.ZRevRank(ctx, l.key, player).Result()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	score, err := l.rdb.ZScore(ctx, l.key, player).Result()
	if errors.Is(err, redis.Nil) {
		return nil, nil // removed between the two commands
	}
	if err != nil {
		return nil, err
	}
	entries, err := l.rangeOf(ctx, max(0, position-around), position+around)
	if err != nil {
		return nil, err
	}
	return &Standing{Player: player, Score: int64(score), Rank: position + 1, Around: entries}, nil
}
