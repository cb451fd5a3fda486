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
	case "MoneyDeposited":
		w.accounts[e.Data.AccountID].balance += e.Data.Amount
	case "MoneyWithdrawn":
		w.accounts[e.Data.AccountID].balance -= e.Data.Amount
	case "MoneyTransferred":
		w.accounts[e.Data.From].balance -= e.Data.Amount
		w.accounts[e.Data.To].balance += e.Data.Amount
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
	case "deposit", "withdraw":
		accountID, err := id(body, "accountId")
		if err != nil {
			return nil, err
		}
		n, err := amount(body)
		if err != nil {
			return nil, err
		}
		a, err := w.existing(accountID)
		if err != nil {
			return nil, err
		}
		if name == "deposit" {
			return []Event{{Type: "MoneyDeposited", Data: EventData{AccountID: accountID, Amount: n}}}, nil
		}
		if n > a.balance {
			return nil, &CommandError{409, "insufficient_funds", fmt.Sprintf("Account %s has %d", accountID, a.balance)}
		}
		return []Event{{Type: "MoneyWithdrawn", Data: EventData{AccountID: accountID, Amount: n}}}, nil
	case "transfer":
		from, err := id(body, "from")
		if err != nil {
			return nil, err
		}
		to, err := id(body, "to")
		if err != nil {
			return nil, err
		}
		if from == to {
			return nil, invalid("from and to must be different accounts")
		}
		n, err := amount(body)
		if err != nil {
			return nil, err
		}
		source, err := w.existing(from)
		if err != nil {
			return nil, err
		}
		if _, err := w.existing(to); err != nil {
			return nil, err
		}
		if n > source.balance {
			return nil, &CommandError{409, "insufficient_funds", fmt.Sprintf("Account %s has %d", from, source.balance)}
		}
		return []Event{{Type: "MoneyTransferred", Data: EventData{From: from, To: to, Amount: n}}}, nil
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
	for _, e := range stored {
		w.evolve(e)
	}
	return stored, nil
}
