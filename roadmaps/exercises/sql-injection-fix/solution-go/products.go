// The shop's queries. Request values travel only as arguments ($1, $2…, sent apart from the SQL);
// ORDER BY, which an argument cannot fill, is chosen from SQL written here.
package main

import (
	"context"
	"errors"

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

// sortColumns and directions are the only request text that reaches the SQL: as keys, mapped to
// SQL written here.
var (
	sortColumns = map[string]string{"id": "id", "name": "name", "price": "price"}
	directions  = map[string]string{"asc": "ASC", "desc": "DESC"}
)

// searchProducts returns the published products whose name contains q, case-insensitively, by id.
func searchProducts(ctx context.Context, db *pgxpool.Pool, q string) ([]product, error) {
	rows, err := db.Query(ctx, "SELECT id, name, price FROM products WHERE published AND name ILIKE '%' || $1 || '%' ORDER BY id", q)
	if err != nil {
		return nil, err
	}
	return collectProducts(rows)
}

// listProducts returns the published products sorted by sort (id, name or price) in direction dir
// (asc or desc).
func listProducts(ctx context.Context, db *pgxpool.Pool, sort, dir string) ([]product, error) {
	column, ok := sortColumns[sort]
	if !ok {
		return nil, &badRequest{"sort must be id, name or price"}
	}
	direction, ok := directions[dir]
	if !ok {
		return nil, &badRequest{"dir must be asc or desc"}
	}
	rows, err := db.Query(ctx, "SELECT id, name, price FROM products WHERE published ORDER BY "+column+" "+direction+", id")
	if err != nil {
		return nil, err
	}
	return collectProducts(rows)
}

// addReview adds a review to product productID; nil (and no error) when there is no such product.
func addReview(ctx context.Context, db *pgxpool.Pool, productID int, author, body string) (*review, error) {
	var r review
	err := db.QueryRow(ctx, `INSERT INTO reviews (product_id, author, body)
		SELECT id, $2, $3 FROM products WHERE id = $1
		RETURNING id, product_id, author, body`, productID, author, body).Scan(&r.ID, &r.ProductID, &r.Author, &r.Body)
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
	rows, err := db.Query(ctx, "SELECT id, author, body FROM reviews WHERE product_id = $1 ORDER BY id", productID)
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
