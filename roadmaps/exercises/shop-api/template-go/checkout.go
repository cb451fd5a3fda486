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
	// TODO 3.2: in ONE transaction (pgx.BeginFunc(ctx, a.db, func(tx pgx.Tx) error {...})):
	//   - lock the cart's row (SELECT ... FROM carts WHERE id = $1 FOR UPDATE): unknown, 404;
	//     already checked out, 409; no lines, 400;
	//   - take every line's quantity from its product's stock, in sku order, with a check that
	//     cannot go stale (a row lock, or a conditional UPDATE; see the README): not enough left
	//     on any line, 409, and the whole transaction rolls back;
	//   - insert the order ('pending_payment', total_cents) and its items (the price at checkout),
	//     mark the cart checked out, and answer 201 with the order.
	//   To leave the transaction with a status, return an error type of your own and read it back
	//   with errors.As after BeginFunc.
	// TODO 5.2: with an Idempotency-Key header, look the key up AFTER locking the cart: used for this
	//   cart, answer 201 with the order it made (even though the cart is checked out); used for
	//   another cart, 422. A new key is stored in the same transaction as the order.
	writeError(w, http.StatusNotImplemented, "not written yet (milestone 3): POST /carts/{id}/checkout")
}

// GET /orders/{id}
func (a *App) getOrder(w http.ResponseWriter, r *http.Request) {
	// TODO 3.3: 200 with the order (its items ordered by sku), or 404 {"error"}.
	writeError(w, http.StatusNotImplemented, "not written yet (milestone 3): GET /orders/{id}")
}
