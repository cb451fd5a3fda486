// The shop's queries. They work for ordinary input, and every one of them can be hijacked: each
// builds its SQL by pasting request values into the text. Fix them (README, "Steps").
package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type product struct {
	ID    int    `json:"id"`
	Name  string `json:"name"`
	Price int    `json:"price"`
}

type review struct {
	ID        int    `json:"id"`
	ProductID int    `json:"productId,omitempty"`
	Author    string `json:"author"`
	Body      string `json:"body"`
}

// badRequest is answered with 400 and its message.
type badRequest struct{ message string }

func (e *badRequest) Error() string { return e.message }

// searchProducts returns the published products whose name contains q, case-insensitively, by id.
func searchProducts(ctx context.Context, db *pgxpool.Pool, q string) ([]product, error) {
	// TODO 1: q goes in as an argument: db.Query(ctx, sql, q) with $1 in the SQL.
	rows, err := db.Query(ctx, "SELECT id, name, price FROM products WHERE published AND name ILIKE '%"+q+"%' ORDER BY id")
	if err != nil {
		return nil, err
	}
	return collectProducts(rows)
}

// listProducts returns the published products sorted by sort (id, name or price) in direction dir
// (asc or desc).
func listProducts(ctx context.Context, db *pgxpool.Pool, sort, dir string) ([]product, error) {
	// TODO 2: an argument cannot stand for a column name or ASC/DESC. Map sort and dir through an
	//         allow-list (a map) to SQL you wrote yourself; anything else:
	//         return nil, &badRequest{"..."}.
	rows, err := db.Query(ctx, fmt.Sprintf("SELECT id, name, price FROM products WHERE published ORDER BY %s %s, id", sort, dir))
	if err != nil {
		return nil, err
	}
	return collectProducts(rows)
}

// addReview adds a review to product productID; nil (and no error) when there is no such product.
func addReview(ctx context.Context, db *pgxpool.Pool, productID int, author, body string) (*review, error) {
	var r review
	// TODO 3: arguments for all three values ($1, $2, $3).
	err := db.QueryRow(ctx, fmt.Sprintf(`INSERT INTO reviews (product_id, author, body)
		SELECT id, '%s', '%s' FROM products WHERE id = %d
		RETURNING id, product_id, author, body`, author, body, productID)).Scan(&r.ID, &r.ProductID, &r.Author, &r.Body)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// listReviews returns the reviews of product productID, oldest first.
func listReviews(ctx context.Context, db *pgxpool.Pool, productID int) ([]review, error) {
	// TODO 4: and here.
	rows, err := db.Query(ctx, fmt.Sprintf("SELECT id, author, body FROM reviews WHERE product_id = %d ORDER BY id", productID))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	reviews := []review{}
	for rows.Next() {
		var r review
		if err := rows.Scan(&r.ID, &r.Author, &r.Body); err != nil {
			return nil, err
		}
		reviews = append(reviews, r)
	}
	return reviews, rows.Err()
}

func collectProducts(rows pgx.Rows) ([]product, error) {
	defer rows.Close()
	products := []product{}
	for rows.Next() {
		var p product
		if err := rows.Scan(&p.ID, &p.Name, &p.Price); err != nil {
			return nil, err
		}
		products = append(products, p)
	}
	return products, rows.Err()
}
