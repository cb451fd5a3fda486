// Milestone 2: carts. See README.md, "Milestone 2".
const { HttpError, isWholeNumber, isObject, parseId } = require('./http');

/**
 * TODO 2.2 The cart as clients see it, { id, items: [{ sku, name, quantity, price_cents, line_cents }],
 * total_cents }, items ordered by sku, or null when there is no such cart. Read name and price_cents
 * from products (a join), not from the cart line. `db` may be the pool or a transaction's client.
 */
async function loadCart(db, id) {
  throw new HttpError(501, 'TODO 2.2: loadCart');
}

// POST /carts -> 201 { id, items: [], total_cents: 0 }
async function createCart({ db }) {
  // TODO 2.3 (after TODO 2.1 in schema.sql)
  throw new HttpError(501, 'TODO 2.3: POST /carts');
}

// GET /carts/{id} -> 200 the cart; 404 when there is none.
async function getCart({ db, params }) {
  // TODO 2.4 parseId(params.id) is null for an id that cannot exist ("abc").
  throw new HttpError(501, 'TODO 2.4: GET /carts/{id}');
}

// PUT /carts/{id}/items/{sku} { quantity } -> 200 the cart
async function setItem({ db, params, json }) {
  // TODO 2.5 quantity: a whole number from 0 to 99, else 400. Unknown cart or sku: 404. More than the
  //          product's stock: 409. 0 removes the line; anything else sets it (not adds to it).
  throw new HttpError(501, 'TODO 2.5: PUT /carts/{id}/items/{sku}');
}

module.exports = { createCart, getCart, setItem, loadCart };
