// Writes an order. Read the README first: the order, its lines and its outbox row must be written
// in ONE transaction, so either all of them are kept or none is.
package main

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

type OrderLine struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

type Order struct {
	ID       int64       `json:"id"`
	Customer string      `json:"customer"`
	Lines    []OrderLine `json:"lines"`
}

// createOrder inserts the order, its lines and one outbox row, and returns the order.
func createOrder(ctx context.Context, pool *pgxpool.Pool, customer string, lines []OrderLine) (Order, error) {
	// TODO: tx, err := pool.Begin(ctx); defer tx.Rollback(ctx) (it does nothing after a Commit).
	// TODO: all the statements below on tx, then one INSERT INTO outbox (type, payload) with the type
	//       'order.created' and the payload {"orderId", "customer", "lines"} (json.Marshal it).
	// TODO: tx.Commit(ctx); return any error as it is.
	var orderID int64
	if err := pool.QueryRow(ctx, "INSERT INTO orders (customer) VALUES ($1) RETURNING id", customer).Scan(&orderID); err != nil {
		return Order{}, err
	}
	for i, line := range lines {
		if _, err := pool.Exec(ctx, "INSERT INTO order_lines (order_id, line_no, sku, quantity) VALUES ($1, $2, $3, $4)",
			orderID, i+1, line.SKU, line.Quantity); err != nil {
			return Order{}, err
		}
	}
	return Order{ID: orderID, Customer: customer, Lines: lines}, nil
}
