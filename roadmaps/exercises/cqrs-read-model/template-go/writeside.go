// The write side: it takes commands, checks them against its own state (the write model), and records
// the events they cause in the log. It never answers a query.
package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
)

// CommandError is a refused command: Status is the HTTP status, Code the error the client gets.
type CommandError struct {
	Status  int
	Code    string
	Message string
}

func (e *CommandError) Error() string { return e.Message }

func invalid(message string) *CommandError {
	return &CommandError{400, "invalid_command", message}
}

type account struct {
	owner   string
	balance int64
}

// WriteSide holds the write model: only what the rules need.
type WriteSide struct {
	mu       sync.Mutex // one command at a time decides and records
	log      *EventLog
	accounts map[string]*account
}

func NewWriteSide(log *EventLog) *WriteSide {
	return &WriteSide{log: log, accounts: map[string]*account{}}
}

// evolve is what one recorded event does to the write model.
func (w *WriteSide) evolve(e Event) {
	switch e.Type {
	case "AccountOpened":
		w.accounts[e.Data.AccountID] = &account{owner: e.Data.Owner}
		// TODO 2: MoneyDeposited, MoneyWithdrawn and MoneyTransferred change balances.
	}
}

func (w *WriteSide) existing(id string) (*account, error) {
	if a, ok := w.accounts[id]; ok {
		return a, nil
	}
	return nil, &CommandError{404, "account_not_found", "There is no account " + id}
}

// id is a field that must be a non-empty string.
func id(body map[string]any, name string) (string, error) {
	s, ok := body[name].(string)
	if !ok || strings.TrimSpace(s) == "" {
		return "", invalid(name + " must be a non-empty string")
	}
	return s, nil
}

// amount is a field that must be a positive whole number (the body is decoded with UseNumber).
func amount(body map[string]any) (int64, error) {
	n, ok := body["amount"].(json.Number)
	if !ok {
		return 0, invalid("amount must be a positive integer (cents)")
	}
	v, err := n.Int64()
	if err != nil || v <= 0 {
		return 0, invalid("amount must be a positive integer (cents)")
	}
	return v, nil
}

// decide checks the command and returns the events it causes, or a *CommandError. It records nothing.
func (w *WriteSide) decide(name string, body map[string]any) ([]Event, error) {
	switch name {
	case "open-account":
		accountID, err := id(body, "accountId")
		if err != nil {
			return nil, err
		}
		owner, err := id(body, "owner")
		if err != nil {
			return nil, err
		}
		if _, taken := w.accounts[accountID]; taken {
			return nil, &CommandError{409, "account_exists", "Account " + accountID + " already exists"}
		}
		return []Event{{Type: "AccountOpened", Data: EventData{AccountID: accountID, Owner: owner}}}, nil
		// TODO 1: "deposit" and "withdraw" ({accountId, amount}) and "transfer" ({from, to, amount}).
		// 400 invalid_command for a bad body (amount(body): a positive whole number; from and to: two
		// different accounts), 404 account_not_found (w.existing), 409 insufficient_funds when the amount is
		// more than the balance in the WRITE model (exactly the balance is fine). Events: MoneyDeposited
		// {AccountID, Amount}, MoneyWithdrawn {AccountID, Amount}, MoneyTransferred {From, To, Amount}.
	}
	return nil, &CommandError{404, "unknown_command", "There is no command " + name}
}

// Handle runs one command: decide, then record the events and apply them to the write model.
func (w *WriteSide) Handle(name string, body map[string]any) ([]Event, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	events, err := w.decide(name, body)
	if err != nil {
		return nil, err
	}
	stored := w.log.Append(events)
	// TODO 2: apply the recorded events to the write model (w.evolve), so that the next command is
	// checked against the state that includes them.
	return stored, nil
}

var _ = fmt.Sprintf // TODO 1 uses fmt for its messages
