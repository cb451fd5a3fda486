// Milestone 2: carts. A line is a cart, a sku and a quantity; names and prices come from products.
import { HttpError, isWholeNumber, isObject, parseId, type Db, type HandlerInput, type Reply } from './http';

export interface CartItem {
  sku: string;
  name: string;
  quantity: number;
  price_cents: number;
  line_cents: number;
}

export interface Cart {
  id: number;
  items: CartItem[];
  total_cents: number;
}

/** The cart as clients see it, or null when there is none. `db` may be the pool or a client. */
export async function loadCart(db: Db, id: number): Promise<Cart | null> {
  const cart = await db.query('SELECT id FROM carts WHERE id = $1', [id]);
  if (cart.rows.length === 0) return null;
  const { rows } = await db.query<Omit<CartItem, 'line_cents'>>(
    `SELECT i.sku, p.name, i.quantity, p.price_cents
       FROM cart_items i JOIN products p ON p.sku = i.sku
      WHERE i.cart_id = $1
      ORDER BY i.sku`,
    [id],
  );
  const items = rows.map((row) => ({ ...row, line_cents: row.quantity * row.price_cents }));
  return { id, items, total_cents: items.reduce((sum, item) => sum + item.line_cents, 0) };
}

// POST /carts -> 201 {id, items: [], total_cents: 0}
export async function createCart({ db }: HandlerInput): Promise<Reply> {
  const { rows } = await db.query<{ id: number }>('INSERT INTO carts DEFAULT VALUES RETURNING id');
  return { status: 201, json: { id: rows[0].id, items: [], total_cents: 0 } };
}

// GET /carts/{id} -> 200 the cart; 404.
export async function getCart({ db, params }: HandlerInput): Promise<Reply> {
  const id = parseId(params.id);
  const cart = id === null ? null : await loadCart(db, id);
  if (!cart) throw new HttpError(404, `No cart ${params.id}`);
  return { status: 200, json: cart };
}

// PUT /carts/{id}/items/{sku} {quantity} -> 200 the cart; 400 bad quantity; 404; 409 above the stock.
export async function setItem({ db, params, json }: HandlerInput): Promise<Reply> {
  const input = json();
  const quantity = isObject(input) ? input.quantity : undefined;
  if (!isWholeNumber(quantity) || quantity > 99) throw new HttpError(400, 'quantity must be a whole number from 0 to 99');
  const id = parseId(params.id);
  const cart = id === null ? null : await db.query('SELECT id FROM carts WHERE id = $1', [id]);
  if (id === null || !cart || cart.rows.length === 0) throw new HttpError(404, `No cart ${params.id}`);
  const product = await db.query<{ stock: number }>('SELECT stock FROM products WHERE sku = $1', [params.sku]);
  if (product.rows.length === 0) throw new HttpError(404, `No product with sku ${params.sku}`);
  const { stock } = product.rows[0];
  if (quantity > stock) throw new HttpError(409, `Only ${stock} of ${params.sku} in stock`);
  if (quantity === 0) {
    await db.query('DELETE FROM cart_items WHERE cart_id = $1 AND sku = $2', [id, params.sku]);
  } else {
    await db.query(
      `INSERT INTO cart_items (cart_id, sku, quantity) VALUES ($1, $2, $3)
       ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = EXCLUDED.quantity`,
      [id, params.sku, quantity],
    );
  }
  return { status: 200, json: await loadCart(db, id) };
}
