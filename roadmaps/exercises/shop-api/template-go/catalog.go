// Milestone 1: the catalog.
package main

import "net/http"

// Product is a row of products, as the API answers it.
type Product struct {
	ID         int    `json:"id"`
	SKU        string `json:"sku"`
	Name       string `json:"name"`
	PriceCents int    `json:"price_cents"`
	Stock      int    `json:"stock"`
}

// POST /products with {"sku", "name", "price_cents", "stock"}
func (a *App) createProduct(w http.ResponseWriter, r *http.Request) {
	// TODO 1.1: read the body with readObject(r) and check every field (400 {"error"} for
	//   the first one that is wrong, before anything is stored):
	//   - sku: a string matching ^[A-Z0-9-]{1,32}$ (regexp.MustCompile, once, at package level)
	//   - name: a string that is not empty
	//   - price_cents: a whole number above 0; stock: a whole number, 0 or more (wholeNumber(v))
	//   INSERT ... RETURNING id, sku, name, price_cents, stock and answer 201 with the product.
	//   A duplicate sku: the UNIQUE constraint refuses the insert with a *pgconn.PgError whose Code is
	//   "23505" (errors.As); answer 409.
	writeError(w, http.StatusNotImplemented, "not written yet (milestone 1): POST /products")
}

// GET /products/{sku}
func (a *App) getProduct(w http.ResponseWriter, r *http.Request) {
	// TODO 1.2: 200 with the product whose sku is r.PathValue("sku"), or 404 {"error"}
	//   (QueryRow(...).Scan returns pgx.ErrNoRows when there is none).
	writeError(w, http.StatusNotImplemented, "not written yet (milestone 1): GET /products/{sku}")
}

// GET /products?max_price=<cents>&in_stock=true
func (a *App) listProducts(w http.ResponseWriter, r *http.Request) {
	// TODO 1.3: 200 {"data": [...]} ordered by id ([] when empty, not null), keeping only
	//   products with price_cents <= max_price (when given) and stock > 0 (when in_stock=true).
	//   Values go in as $1 arguments, never pasted into the SQL. A max_price that is not a whole
	//   number answers 400.
	writeError(w, http.StatusNotImplemented, "not written yet (milestone 1): GET /products")
}
