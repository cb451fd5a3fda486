// Milestones 3 and 5: checkout and orders. See README.md, "Milestone 3" and "Milestone 5".
import { HttpError, parseId, type Db, type HandlerInput, type Reply } from './http';
import { withTransaction } from './db';

export interface OrderItem {
  sku: string;
  quantity: number;
  price_cents: number;
}

export interface Order {
  id: number;
  status: 'pending_payment' | 'paid' | 'payment_failed';
  items: OrderItem[];
  total_cents: number;
}

/** TODO 3.2 The order as clients see it, items ordered by sku, or null when there is none. */
export async function loadOrder(db: Db, id: number): Promise<Order | null> {
  throw new HttpError(501, 'TODO 3.2: loadOrder');
}

// POST /carts/{id}/checkout -> 201 the order, status "pending_payment"
export async function checkout({ db, params, headers }: HandlerInput): Promise<Reply> {
  // TODO 3.3 In withTransaction(db, async (client) => { … }), with client.query only:
  //          lock the cart (SELECT … FOR UPDATE): 404 when there is none, 409 when it is checked out;
  //          read its lines: 400 when there are none;
  //          lock the products (… ORDER BY sku FOR UPDATE) and check every line against the stock:
  //          409 when one wants more than is left (throwing rolls everything back);
  //          take the stock, insert the order and its items, mark the cart checked out.
  // TODO 5.2 headers['idempotency-key']: after locking the cart, look the key up. Known for this cart:
  //          answer 201 with the order it made. Known for another cart: 422.
  // TODO 5.3 Store a new key with the order, in the same transaction.
  throw new HttpError(501, 'TODO 3.3: POST /carts/{id}/checkout');
}

// GET /orders/{id} -> 200 the order; 404 when there is none.
export async function getOrder({ db, params }: HandlerInput): Promise<Reply> {
  // TODO 3.4
  throw new HttpError(501, 'TODO 3.4: GET /orders/{id}');
}

// Used by the solution; remove these once you use them.
void parseId;
void withTransaction;
