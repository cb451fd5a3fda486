package main

// Moves money between two accounts. The API (main.go) has already checked the input: FromID and ToID
// are different positive ids, AmountCents a whole number above 0.
//
// db is a pgx connection pool. db.Exec and db.Query each take whichever connection is free and commit
// on their own; a transaction runs all its statements on one pgx.Tx:
//
//	tx, err := db.Begin(ctx)
//	if err != nil { return ..., err }
//	defer tx.Rollback(ctx) // undoes everything unless Commit ran first; harmless after it
//	... tx.Query / tx.QueryRow / tx.Exec ...
//	return ..., tx.Commit(ctx)

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// TransferRequest is what the API asks for.
type TransferRequest struct {
	FromID      int   `json:"fromId"`
	ToID        int   `json:"toId"`
	AmountCents int64 `json:"amountCents"`
}

// TransferResult is a transfer that went through; ID is its row in transfers.
type TransferResult struct {
	ID int `json:"id"`
	TransferRequest
}

// Transfer returns an error wrapping ErrAccountNotFound when either account does not exist, and one
// wrapping ErrInsufficientFunds when the sender's balance is below AmountCents; either way, nothing
// changes.
func Transfer(ctx context.Context, db *pgxpool.Pool, req TransferRequest) (TransferResult, error) {
	result := TransferResult{TransferRequest: req}
	// BeginFunc commits when the function returns nil and rolls back when it returns an error.
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		// Both rows, locked in id order by one statement: opposite transfers wait in line for the
		// lower id instead of each holding one row the other needs.
		rows, err := tx.Query(ctx,
			`SELECT id, balance_cents FROM accounts WHERE id IN ($1, $2) ORDER BY id FOR UPDATE`,
			req.FromID, req.ToID)
		if err != nil {
			return err
		}
		balances := map[int]int64{}
		var id int
		var balance int64
		_, err = pgx.ForEachRow(rows, []any{&id, &balance}, func() error {
			balances[id] = balance
			return nil
		})
		if err != nil {
			return err
		}
		for _, account := range []int{req.FromID, req.ToID} {
			if _, ok := balances[account]; !ok {
				return fmt.Errorf("account %d: %w", account, ErrAccountNotFound)
			}
		}
		// The rows stay locked until the end of the transaction, so this balance is still true
		// when the UPDATE runs.
		if balances[req.FromID] < req.AmountCents {
			return fmt.Errorf("account %d has %d cents, less than %d: %w",
				req.FromID, balances[req.FromID], req.AmountCents, ErrInsufficientFunds)
		}
		if _, err := tx.Exec(ctx, `UPDATE accounts SET balance_cents = balance_cents - $1 WHERE id = $2`,
			req.AmountCents, req.FromID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE accounts SET balance_cents = balance_cents + $1 WHERE id = $2`,
			req.AmountCents, req.ToID); err != nil {
			return err
		}
		return tx.QueryRow(ctx,
			`INSERT INTO transfers (from_id, to_id, amount_cents) VALUES ($1, $2, $3) RETURNING id`,
			req.FromID, req.ToID, req.AmountCents).Scan(&result.ID)
	})
	if err != nil {
		return TransferResult{}, err
	}
	return result, nil
}
