package main

import "errors"

// Errors a transfer may end with (done for you); the API turns them into 404 and 409. Wrap them to
// add detail: fmt.Errorf("account %d: %w", id, ErrAccountNotFound).
var (
	ErrAccountNotFound   = errors.New("account not found")
	ErrInsufficientFunds = errors.New("insufficient funds")
)
