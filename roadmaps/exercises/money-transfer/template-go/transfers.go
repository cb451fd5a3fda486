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
	"errors"

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
	// TODO: in one transaction:
	//   1. lock both accounts' rows (SELECT ... FOR UPDATE), always in the same order (by id);
	//   2. check that both exist and that the sender has enough;
	//   3. take the amount from one, add it to the other, and INSERT the transfer (RETURNING id).
	return TransferResult{}, errors.New("TODO: Transfer is not written yet")
}
