// Milestone 2: carts.
package main

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/jackc/pgx/v5"
)

// CartItem is one line of a cart, priced with the product's current price.
type CartItem struct {
	SKU        string `json:"sku"`
	Name       string `json:"name"`
	Quantity   int    `json:"quantity"`
	PriceCents int    `json:"price_cents"`
	LineCents  int    `json:"line_cents"`
}

// Cart is what the cart routes answer.
type Cart struct {
	ID         int        `json:"id"`
	Items      []CartItem `json:"items"`
	TotalCents int        `json:"total_cents"`
}

// querier is what a pool and a transaction have in common, so loadCart works on both.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

var errNoCart = errors.New("no such cart")

// loadCart reads a cart with its lines, ordered by sku, at today's prices.
func loadCart(ctx context.Context, q querier, id int) (Cart, error) {
	cart := Cart{ID: id, Items: []CartItem{}}
	var exists bool
	if err := q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM carts WHERE id = $1)`, id).Scan(&exists); err != nil {
		return cart, err
	}
	if !exists {
		return cart, errNoCart
	}
	rows, err := q.Query(ctx,
		`SELECT p.sku, p.name, i.quantity, p.price_cents
		   FROM cart_items i JOIN products p ON p.id = i.product_id
		  WHERE i.cart_id = $1
		  ORDER BY p.sku`, id)
	if err != nil {
		return cart, err
	}
	var item CartItem
	_, err = pgx.ForEachRow(rows, []any{&item.SKU, &item.Name, &item.Quantity, &item.PriceCents}, func() error {
		item.LineCents = item.Quantity * item.PriceCents
		cart.TotalCents += item.LineCents
		cart.Items = append(cart.Items, item)
		return nil
	})
	return cart, err
}

// POST /carts
func (a *App) createCart(w http.ResponseWriter, r *http.Request) {
	var id int
	if err := a.db.QueryRow(r.Context(), `INSERT INTO carts DEFAULT VALUES RETURNING id`).Scan(&id); err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, Cart{ID: id, Items: []CartItem{}})
}

// GET /carts/{id}
func (a *App) getCart(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		writeError(w, http.StatusNotFound, errNoCart.Error())
		return
	}
	cart, err := loadCart(r.Context(), a.db, id)
	if errors.Is(err, errNoCart) {
		writeError(w, http.StatusNotFound, err.Error())
		return
	}
	if err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, cart)
}

// PUT /carts/{id}/items/{sku} with {"quantity": 0..99}
func (a *App) setCartItem(w http.ResponseWriter, r *http.Request) {
	body, err := readObject(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	quantity, ok := wholeNumber(body["quantity"])
	if !ok || quantity < 0 || quantity > 99 {
		writeError(w, http.StatusBadRequest, "quantity must be a whole number from 0 to 99")
		return
	}
	cartID, ok := pathID(r, "id")
	if !ok {
		writeError(w, http.StatusNotFound, errNoCart.Error())
		return
	}
	sku := r.PathValue("sku")
	status, message := http.StatusOK, ""
	var cart Cart
	err = pgx.BeginFunc(r.Context(), a.db, func(tx pgx.Tx) error {
		var orderID *int
		err := tx.QueryRow(r.Context(), `SELECT order_id FROM carts WHERE id = $1 FOR UPDATE`, cartID).Scan(&orderID)
		if errors.Is(err, pgx.ErrNoRows) {
			status, message = http.StatusNotFound, errNoCart.Error()
			return nil
		}
		if err != nil {
			return err
		}
		if orderID != nil {
			status, message = http.StatusConflict, "this cart is already checked out"
			return nil
		}
		var productID, stock int
		err = tx.QueryRow(r.Context(), `SELECT id, stock FROM products WHERE sku = $1`, sku).Scan(&productID, &stock)
		if errors.Is(err, pgx.ErrNoRows) {
			status, message = http.StatusNotFound, "no product with sku "+sku
			return nil
		}
		if err != nil {
			return err
		}
		if quantity > stock {
			status, message = http.StatusConflict, "only "+strconv.Itoa(stock)+" of "+sku+" in stock"
			return nil
		}
		if quantity == 0 {
			_, err = tx.Exec(r.Context(), `DELETE FROM cart_items WHERE cart_id = $1 AND product_id = $2`, cartID, productID)
		} else {
			_, err = tx.Exec(r.Context(),
				`INSERT INTO cart_items (cart_id, product_id, quantity) VALUES ($1, $2, $3)
				 ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = EXCLUDED.quantity`,
				cartID, productID, quantity)
		}
		if err != nil {
			return err
		}
		cart, err = loadCart(r.Context(), tx, cartID)
		return err
	})
	switch {
	case err != nil:
		serverError(w, r, err)
	case status != http.StatusOK:
		writeError(w, status, message)
	default:
		writeJSON(w, http.StatusOK, cart)
	}
}
