package main

// The three reports. Each gets the connection pool (db.Query(ctx, sql, args...)) and returns a slice,
// which the API sends as JSON. The tables are in the README.

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5/pgxpool"
)

// CustomerSummary is one customer with their paid orders counted and summed.
type CustomerSummary struct {
	ID         int    `json:"id"`
	Name       string `json:"name"`
	OrderCount int64  `json:"orderCount"`
	TotalCents int64  `json:"totalCents"`
}

// OrderWithCustomer is an order with the name of the customer who placed it.
type OrderWithCustomer struct {
	ID           int    `json:"id"`
	CustomerName string `json:"customerName"`
	TotalCents   int    `json:"totalCents"`
	Status       string `json:"status"`
}

// Customer is a customer's id and name.
type Customer struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

// Summary lists every customer, also those with no paid order, counting and summing only orders
// whose status is 'paid'; a customer without one has 0 and 0. Sorted by TotalCents, highest first;
// equal totals by id, lowest first.
func Summary(ctx context.Context, db *pgxpool.Pool) ([]CustomerSummary, error) {
	// TODO: one query: customers LEFT JOIN orders, with the status condition in the right place,
	// GROUP BY the customer, COUNT of a column of orders and COALESCE(SUM(...), 0).
	return nil, errors.New("TODO: Summary is not written yet")
}

// OrdersWithCustomers lists every order that belongs to a customer (guest orders, whose customer_id
// is NULL, are left out), whatever its status, sorted by order id.
func OrdersWithCustomers(ctx context.Context, db *pgxpool.Pool) ([]OrderWithCustomer, error) {
	// TODO: orders INNER JOIN customers.
	return nil, errors.New("TODO: OrdersWithCustomers is not written yet")
}

// CustomersWithoutOrders lists the customers who never placed an order, paid or cancelled, sorted
// by id.
func CustomersWithoutOrders(ctx context.Context, db *pgxpool.Pool) ([]Customer, error) {
	// TODO: an anti-join: LEFT JOIN ... WHERE orders.id IS NULL, or WHERE NOT EXISTS (...).
	return nil, errors.New("TODO: CustomersWithoutOrders is not written yet")
}
