package main

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// Lock is a lock shared by every process that uses the same Redis: one key per lock name. The lock
// "report" is the key keyPrefix + "report" (keyPrefix is REDIS_KEY_PREFIX + "lock:"), and its value is
// the holder's token: 32 random hex characters, new for every acquire. ttl is LOCK_TTL_MS.
type Lock struct {
	rdb       *redis.Client
	keyPrefix string
	ttl       time.Duration
}

func (l *Lock) keyFor(name string) string { return l.keyPrefix + name }

// Acquire answers the new token, or "" when the lock is held.
func (l *Lock) Acquire(ctx context.Context, name string) (string, error) {
	// TODO: make a random token (16 bytes from crypto/rand, hex-encoded) and set the key to it in one
	//   command, only if the key does not exist, with a time to live: SET key token NX PX ttl.
	//   go-redis: l.rdb.SetNX(ctx, key, token, l.ttl).Result() answers true when it set the key.
	return "", nil
}

// Release answers true when this token held the lock and it is now released, false otherwise.
func (l *Lock) Release(ctx context.Context, name, token string) (bool, error) {
	// TODO: delete the key only if it still holds this token, in one step inside Redis (EVAL a Lua
	//   script: GET, compare, DEL; redis.NewScript). The lock may have expired and been taken since.
	return false, nil
}
