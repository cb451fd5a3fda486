package main

// The three reports. Each gets the connection pool (db.Query(ctx, sql, args...)) and returns a slice,
// which the API sends as JSON. The tables are in the README.

import (
	"context"

	"github.com/jackc/pgx/v5"
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
	// Only paid orders join; a customer with none keeps one row of NULLs, which count(o.id) skips
	// and coalesce turns into 0. A scan of NULL into an int64 would be an error, not a 0.
	rows, err := db.Query(ctx, `
		SELECT c.id, c.name, count(o.id), coalesce(sum(o.total_cents), 0)
		  FROM customers c
		  LEFT JOIN orders o ON o.customer_id = c.id AND o.status = 'paid'
		 GROUP BY c.id, c.name
		 ORDER BY 4 DESC, 1`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (CustomerSummary, error) {
		var s CustomerSummary
		err := row.Scan(&s.ID, &s.Name, &s.OrderCount, &s.TotalCents)
		return s, err
	})
}

// OrdersWithCustomers lists every order that belongs to a customer (guest orders, whose customer_id
// is NULL, are left out), whatever its status, sorted by order id.
func OrdersWithCustomers(ctx context.Context, db *pgxpool.Pool) ([]OrderWithCustomer, error) {
	rows, err := db.Query(ctx, `
		SELECT o.id, c.name, o.total_cents, o.status
		  FROM orders o
		 INNER JOIN customers c ON c.id = o.customer_id
		 ORDER BY o.id`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (OrderWithCustomer, error) {
		var o OrderWithCustomer
		err := row.Scan(&o.ID, &o.CustomerName, &o.TotalCents, &o.Status)
		return o, err
	})
}

// CustomersWithoutOrders lists the customers who never placed an order, paid or cancelled, sorted
// by id.
func CustomersWithoutOrders(ctx context.Context, db *pgxpool.Pool) ([]Customer, error) {
	// NOT EXISTS looks for a matching order; NOT IN would compare with every customer_id, NULL
	// included, and "x NOT IN (..., NULL)" is never true.
	rows, err := db.Query(ctx, `
		SELECT c.id, c.name
		  FROM customers c
		 WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)
		 ORDER BY c.id`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (Customer, error) {
		var c Customer
		err := row.Scan(&c.ID, &c.Name)
		return c, err
	})
}
