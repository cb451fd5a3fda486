// Milestone 2: carts. See README.md, "Milestone 2".
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

/**
 * TODO 2.2 The cart as clients see it, items ordered by sku, or null when there is no such cart.
 * Read name and price_cents from products (a join), not from the cart line. `db` may be the pool or
 * a transaction's client.
 */
export async function loadCart(db: Db, id: number): Promise<Cart | null> {
  throw new HttpError(501, 'TODO 2.2: loadCart');
}

// POST /carts -> 201 { id, items: [], total_cents: 0 }
export async function createCart({ db }: HandlerInput): Promise<Reply> {
  // TODO 2.3 (after TODO 2.1 in schema.sql)
  throw new HttpError(501, 'TODO 2.3: POST /carts');
}

// GET /carts/{id} -> 200 the cart; 404 when there is none.
export async function getCart({ db, params }: HandlerInput): Promise<Reply> {
  // TODO 2.4 parseId(params.id) is null for an id that cannot exist ("abc").
  throw new HttpError(501, 'TODO 2.4: GET /carts/{id}');
}

// PUT /carts/{id}/items/{sku} { quantity } -> 200 the cart
export async function setItem({ db, params, json }: HandlerInput): Promise<Reply> {
  // TODO 2.5 quantity: a whole number from 0 to 99, else 400. Unknown cart or sku: 404. More than the
  //          product's stock: 409. 0 removes the line; anything else sets it (not adds to it).
  throw new HttpError(501, 'TODO 2.5: PUT /carts/{id}/items/{sku}');
}

// Used by the solution; remove these once you use them.
void isWholeNumber;
void isObject;
void parseId;
