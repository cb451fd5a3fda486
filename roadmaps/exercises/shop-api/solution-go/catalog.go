// Milestone 1: the catalog.
package main

import (
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Product is a row of products, as the API answers it.
type Product struct {
	ID         int    `json:"id"`
	SKU        string `json:"sku"`
	Name       string `json:"name"`
	PriceCents int    `json:"price_cents"`
	Stock      int    `json:"stock"`
}

var skuPattern = regexp.MustCompile(`^[A-Z0-9-]{1,32}$`)

const productColumns = `id, sku, name, price_cents, stock`

func scanProduct(row pgx.Row) (Product, error) {
	var p Product
	err := row.Scan(&p.ID, &p.SKU, &p.Name, &p.PriceCents, &p.Stock)
	return p, err
}

// checkNewProduct returns the product a POST body describes, or an error saying what is wrong.
func checkNewProduct(body map[string]any) (Product, error) {
	var p Product
	sku, ok := body["sku"].(string)
	if !ok || !skuPattern.MatchString(sku) {
		return p, errors.New("sku must be 1 to 32 capital letters, digits or dashes")
	}
	name, ok := body["name"].(string)
	if !ok || strings.TrimSpace(name) == "" {
		return p, errors.New("name must be a non-empty string")
	}
	price, ok := wholeNumber(body["price_cents"])
	if !ok || price <= 0 {
		return p, errors.New("price_cents must be a whole number of cents above 0")
	}
	stock, ok := wholeNumber(body["stock"])
	if !ok || stock < 0 {
		return p, errors.New("stock must be a whole number, 0 or more")
	}
	return Product{SKU: sku, Name: strings.TrimSpace(name), PriceCents: price, Stock: stock}, nil
}

// POST /products
func (a *App) createProduct(w http.ResponseWriter, r *http.Request) {
	body, err := readObject(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	p, err := checkNewProduct(body)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	// The UNIQUE constraint decides duplicates: a SELECT first could race with another insert.
	created, err := scanProduct(a.db.QueryRow(r.Context(),
		`INSERT INTO products (sku, name, price_cents, stock) VALUES ($1, $2, $3, $4) RETURNING `+productColumns,
		p.SKU, p.Name, p.PriceCents, p.Stock))
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		writeError(w, http.StatusConflict, "a product with sku "+p.SKU+" already exists")
		return
	}
	if err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, created)
}

// GET /products/{sku}
func (a *App) getProduct(w http.ResponseWriter, r *http.Request) {
	sku := r.PathValue("sku")
	p, err := scanProduct(a.db.QueryRow(r.Context(), `SELECT `+productColumns+` FROM products WHERE sku = $1`, sku))
	if errors.Is(err, pgx.ErrNoRows) {
		writeError(w, http.StatusNotFound, "no product with sku "+sku)
		return
	}
	if err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// GET /products?max_price=<cents>&in_stock=true
func (a *App) listProducts(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	sql := `SELECT ` + productColumns + ` FROM products WHERE true`
	var args []any
	if query.Has("max_price") {
		maxPrice, err := strconv.ParseInt(query.Get("max_price"), 10, 32)
		if err != nil || maxPrice < 0 {
			writeError(w, http.StatusBadRequest, "max_price must be a whole number of cents")
			return
		}
		args = append(args, maxPrice)
		sql += ` AND price_cents <= $` + strconv.Itoa(len(args))
	}
	switch query.Get("in_stock") {
	case "true":
		sql += ` AND stock > 0`
	case "", "false":
	default:
		writeError(w, http.StatusBadRequest, "in_stock must be true or false")
		return
	}
	rows, err := a.db.Query(r.Context(), sql+` ORDER BY id`, args...)
	if err != nil {
		serverError(w, r, err)
		return
	}
	products := []Product{} // [] rather than null when there are none
	var p Product
	_, err = pgx.ForEachRow(rows, []any{&p.ID, &p.SKU, &p.Name, &p.PriceCents, &p.Stock}, func() error {
		products = append(products, p)
		return nil
	})
	if err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": products})
}
