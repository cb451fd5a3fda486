// The relay: moves events from the outbox table to the broker. Read the README first.
package main

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// relayOnce publishes the unsent outbox rows, oldest first, and marks each one sent once the broker
// has accepted it. It returns how many it published. When the broker fails, it stops there and
// returns the error: the row that failed and the ones after it stay unsent for the next round.
func relayOnce(ctx context.Context, pool *pgxpool.Pool, broker *Broker) (int, error) {
	// TODO: SELECT id, type, payload FROM outbox WHERE sent_at IS NULL ORDER BY id (a batch, e.g. LIMIT 100);
	//       read all the rows (pgx.CollectRows) before publishing.
	// TODO: for each row, in that order: broker.Publish(Message{ID, Type, Payload}), then
	//       UPDATE outbox SET sent_at = now() WHERE id = ... (only after Publish returned nil).
	return 0, nil
}

// runRelay calls relayOnce every interval until ctx is done (main.go starts it in a goroutine). An
// error in one round (the broker is down, the database hiccups) is logged, and the next round runs
// as usual.
func runRelay(ctx context.Context, pool *pgxpool.Pool, broker *Broker, interval time.Duration) {
	// TODO: a time.Ticker (or time.Sleep) loop around relayOnce that logs an error and goes on.
}
