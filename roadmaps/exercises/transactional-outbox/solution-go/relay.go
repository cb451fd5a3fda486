// The relay: moves events from the outbox table to the broker, at least once and in order.
package main

import (
	"context"
	"log"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

const batchSize = 100

// relayOnce publishes the unsent outbox rows, oldest first, and marks each one sent once the broker
// has accepted it. It returns how many it published. When the broker fails, it stops there and
// returns the error: the row that failed and the ones after it stay unsent for the next round.
func relayOnce(ctx context.Context, pool *pgxpool.Pool, broker *Broker) (int, error) {
	rows, err := pool.Query(ctx, "SELECT id, type, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1", batchSize)
	if err != nil {
		return 0, err
	}
	messages, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Message, error) {
		var m Message
		err := row.Scan(&m.ID, &m.Type, &m.Payload)
		return m, err
	})
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, m := range messages {
		if err := broker.Publish(m); err != nil {
			return sent, err
		}
		// A crash right here publishes this row again next round: at least once, never lost.
		if _, err := pool.Exec(ctx, "UPDATE outbox SET sent_at = now() WHERE id = $1", m.ID); err != nil {
			return sent, err
		}
		sent++
	}
	return sent, nil
}

// runRelay calls relayOnce every interval until ctx is done (main.go starts it in a goroutine). An
// error in one round (the broker is down, the database hiccups) is logged, and the next round runs
// as usual.
func runRelay(ctx context.Context, pool *pgxpool.Pool, broker *Broker, interval time.Duration) {
	for {
		if _, err := relayOnce(ctx, pool, broker); err != nil {
			log.Printf("relay: %v (trying again in %v)", err, interval)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(interval):
		}
	}
}
