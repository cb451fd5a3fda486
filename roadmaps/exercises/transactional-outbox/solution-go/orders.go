// Writes an order, its lines and its outbox row in one transaction.
package main

import (
	"context"
	"encoding/json"

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

type orderCreated struct {
	OrderID  int64       `json:"orderId"`
	Customer string      `json:"customer"`
	Lines    []OrderLine `json:"lines"`
}

// createOrder inserts the order, its lines and one outbox row, and returns the order.
func createOrder(ctx context.Context, pool *pgxpool.Pool, customer string, lines []OrderLine) (Order, error) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return Order{}, err
	}
	defer tx.Rollback(ctx) // undoes everything unless Commit ran first

	var orderID int64
	if err := tx.QueryRow(ctx, "INSERT INTO orders (customer) VALUES ($1) RETURNING id", customer).Scan(&orderID); err != nil {
		return Order{}, err
	}
	for i, line := range lines {
		if _, err := tx.Exec(ctx, "INSERT INTO order_lines (order_id, line_no, sku, quantity) VALUES ($1, $2, $3, $4)",
			orderID, i+1, line.SKU, line.Quantity); err != nil {
			return Order{}, err
		}
	}
	payload, err := json.Marshal(orderCreated{OrderID: orderID, Customer: customer, Lines: lines})
	if err != nil {
		return Order{}, err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO outbox (type, payload) VALUES ($1, $2)", "order.created", string(payload)); err != nil {
		return Order{}, err
	}
	if err := tx.Commit(ctx); err != nil {
		return Order{}, err
	}
	return Order{ID: orderID, Customer: customer, Lines: lines}, nil
}
