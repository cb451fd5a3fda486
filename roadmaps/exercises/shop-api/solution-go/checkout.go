// Milestones 3 and 5: checkout and orders.
package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

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

var errNoOrder = errors.New("no such order")

// refusal is a checkout that cannot happen: the transaction rolls back and the client gets status.
type refusal struct {
	status  int
	message string
}

func (e *refusal) Error() string { return e.message }

func refuse(status int, format string, args ...any) error {
	return &refusal{status: status, message: fmt.Sprintf(format, args...)}
}

// loadOrder reads an order with its lines, ordered by sku.
func loadOrder(ctx context.Context, q querier, id int) (Order, error) {
	order := Order{ID: id, Items: []OrderItem{}}
	err := q.QueryRow(ctx, `SELECT status, total_cents FROM orders WHERE id = $1`, id).Scan(&order.Status, &order.TotalCents)
	if errors.Is(err, pgx.ErrNoRows) {
		return order, errNoOrder
	}
	if err != nil {
		return order, err
	}
	rows, err := q.Query(ctx, `SELECT sku, quantity, price_cents FROM order_items WHERE order_id = $1 ORDER BY sku`, id)
	if err != nil {
		return order, err
	}
	var item OrderItem
	_, err = pgx.ForEachRow(rows, []any{&item.SKU, &item.Quantity, &item.PriceCents}, func() error {
		order.Items = append(order.Items, item)
		return nil
	})
	return order, err
}

// placeOrder turns a cart into an order inside tx. The caller has locked the cart's row, so no
// other checkout of this cart runs at the same time.
func placeOrder(ctx context.Context, tx pgx.Tx, cartID int) (int, error) {
	type line struct{ productID, quantity int }
	rows, err := tx.Query(ctx, `SELECT product_id, quantity FROM cart_items i JOIN products p ON p.id = i.product_id
		WHERE cart_id = $1 ORDER BY p.sku`, cartID)
	if err != nil {
		return 0, err
	}
	var lines []line
	var l line
	if _, err := pgx.ForEachRow(rows, []any{&l.productID, &l.quantity}, func() error {
		lines = append(lines, l)
		return nil
	}); err != nil {
		return 0, err
	}
	if len(lines) == 0 {
		return 0, refuse(http.StatusBadRequest, "the cart is empty")
	}
	// Take the stock, line by line, in sku order (so two checkouts lock products in the same order
	// and never wait for each other in a circle). The WHERE makes check and decrement one step: the
	// row is locked while it runs, and a checkout that waited sees the stock the other one left.
	type sold struct {
		sku   string
		price int
	}
	prices := make([]sold, len(lines))
	total := 0
	for i, l := range lines {
		err := tx.QueryRow(ctx,
			`UPDATE products SET stock = stock - $1 WHERE id = $2 AND stock >= $1 RETURNING sku, price_cents`,
			l.quantity, l.productID).Scan(&prices[i].sku, &prices[i].price)
		if errors.Is(err, pgx.ErrNoRows) {
			var sku string
			var stock int
			if err := tx.QueryRow(ctx, `SELECT sku, stock FROM products WHERE id = $1`, l.productID).Scan(&sku, &stock); err != nil {
				return 0, err
			}
			return 0, refuse(http.StatusConflict, "only %d of %s left, the cart holds %d", stock, sku, l.quantity)
		}
		if err != nil {
			return 0, err
		}
		total += l.quantity * prices[i].price
	}
	// The order is inserted only once the stock is known to be there, so a refused checkout does
	// not use up an order id.
	var orderID int
	if err := tx.QueryRow(ctx,
		`INSERT INTO orders (cart_id, status, total_cents) VALUES ($1, 'pending_payment', $2) RETURNING id`,
		cartID, total).Scan(&orderID); err != nil {
		return 0, err
	}
	for i, l := range lines {
		if _, err := tx.Exec(ctx,
			`INSERT INTO order_items (order_id, product_id, sku, quantity, price_cents) VALUES ($1, $2, $3, $4, $5)`,
			orderID, l.productID, prices[i].sku, l.quantity, prices[i].price); err != nil {
			return 0, err
		}
	}
	_, err = tx.Exec(ctx, `UPDATE carts SET order_id = $1 WHERE id = $2`, orderID, cartID)
	return orderID, err
}

// POST /carts/{id}/checkout, with an optional Idempotency-Key header (milestone 5)
func (a *App) checkout(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	cartID, ok := pathID(r, "id")
	if !ok {
		writeError(w, http.StatusNotFound, errNoCart.Error())
		return
	}
	key := r.Header.Get("Idempotency-Key")
	var order Order
	err := pgx.BeginFunc(ctx, a.db, func(tx pgx.Tx) error {
		// Lock the cart: a second checkout of it (a retry with the same key too) waits here until
		// this one commits, then sees its order.
		var checkedOut *int
		err := tx.QueryRow(ctx, `SELECT order_id FROM carts WHERE id = $1 FOR UPDATE`, cartID).Scan(&checkedOut)
		if errors.Is(err, pgx.ErrNoRows) {
			return refuse(http.StatusNotFound, "no such cart")
		}
		if err != nil {
			return err
		}
		if key != "" {
			var keyCart, keyOrder int
			err := tx.QueryRow(ctx, `SELECT cart_id, order_id FROM idempotency_keys WHERE key = $1`, key).Scan(&keyCart, &keyOrder)
			switch {
			case err == nil && keyCart != cartID:
				return refuse(http.StatusUnprocessableEntity, "this Idempotency-Key was used for another cart")
			case err == nil:
				// A retry: answer the order the first request created.
				order, err = loadOrder(ctx, tx, keyOrder)
				return err
			case !errors.Is(err, pgx.ErrNoRows):
				return err
			}
		}
		if checkedOut != nil {
			return refuse(http.StatusConflict, "this cart is already checked out (order %d)", *checkedOut)
		}
		orderID, err := placeOrder(ctx, tx, cartID)
		if err != nil {
			return err
		}
		if key != "" {
			// In the same transaction as the order: both are stored, or neither.
			if _, err := tx.Exec(ctx, `INSERT INTO idempotency_keys (key, cart_id, order_id) VALUES ($1, $2, $3)`,
				key, cartID, orderID); err != nil {
				return err
			}
		}
		order, err = loadOrder(ctx, tx, orderID)
		return err
	})
	var refused *refusal
	var pgErr *pgconn.PgError
	switch {
	case errors.As(err, &refused):
		writeError(w, refused.status, refused.message)
	case errors.As(err, &pgErr) && pgErr.Code == "23505" && pgErr.ConstraintName == "idempotency_keys_pkey":
		// The same key, used at the same moment for another cart.
		writeError(w, http.StatusUnprocessableEntity, "this Idempotency-Key was used for another cart")
	case err != nil:
		serverError(w, r, err)
	default:
		writeJSON(w, http.StatusCreated, order)
	}
}

// GET /orders/{id}
func (a *App) getOrder(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		writeError(w, http.StatusNotFound, errNoOrder.Error())
		return
	}
	order, err := loadOrder(r.Context(), a.db, id)
	if errors.Is(err, errNoOrder) {
		writeError(w, http.StatusNotFound, err.Error())
		return
	}
	if err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, order)
}
