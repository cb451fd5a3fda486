// Milestones 3 and 5: checkout and orders.
package main

import "net/http"

// OrderItem is one line of an order, at the price it was sold at.
type OrderItem struct {
	SKU        string `json:"sku"`
	Quantity   int    `json:"quantity"`
	PriceCents int    `json:"price_cents"`
}

// Order is what the order routes answer.
type Order struct {
	ID         int         `json:"id"`
	Status     string      `json:"status"`
	Items      []OrderItem `json:"items"`
	TotalCents int         `json:"total_cents"`
}

// POST /carts/{id}/checkout
func (a *App) checkout(w http.ResponseWriter, r *http.Request) {
	// TODO (milestone 3): in ONE transaction (pgx.BeginFunc(ctx, a.db, func(tx pgx.Tx) error {...})):
	//   - the cart (404 if unknown), locked: SELECT order_id FROM carts WHERE id = $1 FOR UPDATE.
	//     Already checked out (order_id set): 409. No lines: 400.
	//   - take the stock of every line, in sku order, with a check that cannot go stale:
	//     UPDATE products SET stock = stock - $1 WHERE id = $2 AND stock >= $1 RETURNING price_cents
	//     (no row back: not enough left, so 409 and roll everything back);
	//   - insert the order ('pending_payment', total_cents), its order_items (price at checkout) and
	//     set carts.order_id; answer 201 with the order.
	//   To leave the transaction with a status, return your own error type and read it back with
	//   errors.As after BeginFunc.
	// TODO (milestone 5): with an Idempotency-Key header, after locking the cart look the key up in
	//   idempotency_keys: same cart, answer 201 with the order it created; another cart, 422.
	//   A new key is inserted in the same transaction as the order.
	writeError(w, http.StatusNotImplemented, "TODO (milestone 3): POST /carts/{id}/checkout")
}

// GET /orders/{id}
func (a *App) getOrder(w http.ResponseWriter, r *http.Request) {
	// TODO (milestone 3): 200 with the order (its items ordered by sku), or 404 {"error"}.
	writeError(w, http.StatusNotImplemented, "TODO (milestone 3): GET /orders/{id}")
}
