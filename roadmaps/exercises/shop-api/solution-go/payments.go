// Milestone 4: payment webhooks.
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/jackc/pgx/v5"
)

// validSignature checks a Payment-Signature header, "t=<unix time>,v1=<hex>", against the raw
// body: v1 must be HMAC-SHA256(secret, "<t>." + body). The time is signed but not compared with the
// clock here (the checks replay fixed timestamps); a real provider's tolerance window belongs there.
func validSignature(secret []byte, header string, body []byte) bool {
	var timestamp string
	var signatures [][]byte
	for _, part := range strings.Split(header, ",") {
		name, value, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			continue
		}
		switch name {
		case "t":
			timestamp = value
		case "v1":
			if sig, err := hex.DecodeString(value); err == nil {
				signatures = append(signatures, sig)
			}
		}
	}
	if timestamp == "" || len(signatures) == 0 {
		return false
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(timestamp + "."))
	mac.Write(body)
	expected := mac.Sum(nil)
	for _, sig := range signatures {
		// hmac.Equal takes the same time wherever the bytes differ.
		if hmac.Equal(sig, expected) {
			return true
		}
	}
	return false
}

// PaymentEvent is the body the payment provider sends.
type PaymentEvent struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	Data struct {
		OrderID     int `json:"order_id"`
		AmountCents int `json:"amount_cents"`
	} `json:"data"`
}

// POST /webhooks/payments
func (a *App) paymentWebhook(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	// The signature covers the bytes as sent: read them first, verify, and only then parse.
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		writeError(w, http.StatusBadRequest, "could not read the body")
		return
	}
	if !validSignature(a.webhookSecret, r.Header.Get("Payment-Signature"), body) {
		writeError(w, http.StatusBadRequest, "missing or invalid Payment-Signature")
		return
	}
	var event PaymentEvent
	if err := json.Unmarshal(body, &event); err != nil || event.ID == "" || event.Data.OrderID <= 0 {
		writeError(w, http.StatusBadRequest, "the body must be a payment event with an id and data.order_id")
		return
	}
	err = pgx.BeginFunc(ctx, a.db, func(tx pgx.Tx) error {
		// Lock the order: two events for it are handled one after the other.
		var status string
		var total int
		err := tx.QueryRow(ctx, `SELECT status, total_cents FROM orders WHERE id = $1 FOR UPDATE`, event.Data.OrderID).
			Scan(&status, &total)
		if errors.Is(err, pgx.ErrNoRows) {
			return refuse(http.StatusNotFound, "no order %d", event.Data.OrderID)
		}
		if err != nil {
			return err
		}
		if status != "pending_payment" {
			return nil // already paid or failed: acknowledged, nothing changes
		}
		if event.Type == "payment.succeeded" && event.Data.AmountCents != total {
			return refuse(http.StatusUnprocessableEntity, "amount_cents %d does not match the order's total %d",
				event.Data.AmountCents, total)
		}
		// Remember the event; the primary key turns a second delivery into "nothing inserted".
		tag, err := tx.Exec(ctx, `INSERT INTO payment_events (id, order_id, type) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`,
			event.ID, event.Data.OrderID, event.Type)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return nil // seen before: acknowledged, no second effect
		}
		switch event.Type {
		case "payment.succeeded":
			_, err = tx.Exec(ctx, `UPDATE orders SET status = 'paid' WHERE id = $1`, event.Data.OrderID)
		case "payment.failed":
			if _, err = tx.Exec(ctx, `UPDATE orders SET status = 'payment_failed' WHERE id = $1`, event.Data.OrderID); err != nil {
				return err
			}
			// The units the order held go back on the shelf.
			_, err = tx.Exec(ctx,
				`UPDATE products p SET stock = p.stock + i.quantity FROM order_items i
				  WHERE i.order_id = $1 AND p.id = i.product_id`, event.Data.OrderID)
		}
		return err
	})
	var refused *refusal
	switch {
	case errors.As(err, &refused):
		writeError(w, refused.status, refused.message)
	case err != nil:
		serverError(w, r, err)
	default:
		writeJSON(w, http.StatusOK, map[string]bool{"received": true})
	}
}
