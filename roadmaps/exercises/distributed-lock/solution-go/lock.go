package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
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

// releaseScript compares and deletes in one step: Redis runs a script without running any other
// command meanwhile.
var releaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`)

func (l *Lock) keyFor(name string) string { return l.keyPrefix + name }

// Acquire answers the new token, or "" when the lock is held.
func (l *Lock) Acquire(ctx context.Context, name string) (string, error) {
	buf := make([]byte, 16)
	if _, err := rand.Read(buf); err != nil {
		return "", err
	}
	token := hex.EncodeToString(buf)
	// SetNX with a TTL is SET key token NX PX ttl: only when nobody holds it, and it frees itself.
	ok, err := l.rdb.SetNX(ctx, l.keyFor(name), token, l.ttl).Result()
	if err != nil || !ok {
		return "", err
	}
	return token, nil
}

// Release answers true when this token held the lock and it is now released, false otherwise.
func (l *Lock) Release(ctx context.Context, name, token string) (bool, error) {
	deleted, err := releaseScript.Run(ctx, l.rdb, []string{l.keyFor(name)}, token).Int()
	if err != nil {
		return false, err
	}
	return deleted == 1, nil
}
