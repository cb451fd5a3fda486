// The HTTP API (done for you), on net/http. Every answer is JSON; errors are {"error": "..."}:
//
//	POST /transfers     {"fromId", "toId", "amountCents"} -> 201 {"id", "fromId", "toId", "amountCents"}
//	                    400 invalid input, 404 unknown account, 409 not enough money
//	GET /accounts/{id}  {"id", "owner", "balanceCents"} (404 when there is none)
//
// The transfer itself is in transfers.go. Run it with `go run .`. Configuration comes from the
// environment:
//
//	PORT, HOST     where to listen (8080, 127.0.0.1)
//	DATABASE_URL   the PostgreSQL that holds the accounts and transfers tables
//	               (postgres://localhost:5432/postgres)
package main

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func writeJSON(w http.ResponseWriter, status int, value any) {
	w.Header().Set("content-type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(value)
}

func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}

func getAccount(db *pgxpool.Pool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.Atoi(r.PathValue("id"))
		if err != nil {
			writeError(w, http.StatusNotFound, "No such account")
			return
		}
		var account struct {
			ID           int    `json:"id"`
			Owner        string `json:"owner"`
			BalanceCents int64  `json:"balanceCents"`
		}
		err = db.QueryRow(r.Context(), "SELECT id, owner, balance_cents FROM accounts WHERE id = $1", id).
			Scan(&account.ID, &account.Owner, &account.BalanceCents)
		if errors.Is(err, pgx.ErrNoRows) {
			writeError(w, http.StatusNotFound, "Account "+strconv.Itoa(id)+" not found")
			return
		}
		if err != nil {
			log.Printf("GET /accounts/%d: %v", id, err)
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
		writeJSON(w, http.StatusOK, account)
	}
}

func postTransfer(db *pgxpool.Pool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		// Pointers, so a missing field is nil rather than 0.
		var input struct {
			FromID      *int64 `json:"fromId"`
			ToID        *int64 `json:"toId"`
			AmountCents *int64 `json:"amountCents"`
		}
		if err := json.NewDecoder(r.Body).Decode(&input); err != nil {
			writeError(w, http.StatusBadRequest, "The body must be a JSON object with whole numbers")
			return
		}
		if input.FromID == nil || input.ToID == nil || *input.FromID <= 0 || *input.ToID <= 0 ||
			*input.FromID > 1<<31-1 || *input.ToID > 1<<31-1 {
			writeError(w, http.StatusBadRequest, "fromId and toId must be account ids")
			return
		}
		if *input.FromID == *input.ToID {
			writeError(w, http.StatusBadRequest, "An account cannot send money to itself")
			return
		}
		if input.AmountCents == nil || *input.AmountCents <= 0 {
			writeError(w, http.StatusBadRequest, "amountCents must be a whole number above 0")
			return
		}
		req := TransferRequest{FromID: int(*input.FromID), ToID: int(*input.ToID), AmountCents: *input.AmountCents}
		result, err := Transfer(r.Context(), db, req)
		switch {
		case errors.Is(err, ErrAccountNotFound):
			writeError(w, http.StatusNotFound, err.Error())
		case errors.Is(err, ErrInsufficientFunds):
			writeError(w, http.StatusConflict, err.Error())
		case err != nil:
			log.Printf("POST /transfers %+v: %v", req, err)
			writeError(w, http.StatusInternalServerError, err.Error())
		default:
			writeJSON(w, http.StatusCreated, result)
		}
	}
}

func main() {
	config, err := pgxpool.ParseConfig(env("DATABASE_URL", "postgres://localhost:5432/postgres"))
	if err != nil {
		log.Fatalf("DATABASE_URL: %v", err)
	}
	// At most 10 connections: more requests than that wait for a free one.
	config.MaxConns = 10
	// The pool connects when the first query needs a connection.
	db, err := pgxpool.NewWithConfig(context.Background(), config)
	if err != nil {
		log.Fatalf("DATABASE_URL: %v", err)
	}
	defer db.Close()

	mux := http.NewServeMux()
	mux.HandleFunc("POST /transfers", postTransfer(db))
	mux.HandleFunc("GET /accounts/{id}", getAccount(db))

	addr := net.JoinHostPort(env("HOST", "127.0.0.1"), env("PORT", "8080"))
	log.Printf("Listening on http://%s/accounts/1", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}
