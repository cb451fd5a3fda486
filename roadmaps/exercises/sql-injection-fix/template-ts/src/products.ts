// The shop's queries. They work for ordinary input, and every one of them can be hijacked: each
// builds its SQL by pasting request values into the text. Fix them (README, "Steps").
import type { Pool } from 'pg';

export interface Product {
  id: number;
  name: string;
  price: number;
}
export interface Review {
  id: number;
  author: string;
  body: string;
}

export class BadRequest extends Error {}

/** Published products whose name contains `q`, case-insensitively, by id. */
export async function searchProducts(db: Pool, q: string): Promise<Product[]> {
  // TODO 1: q goes in as a parameter: db.query(text, [q]) with $1 in the text.
  const result = await db.query<Product>(`SELECT id, name, price FROM products WHERE published AND name ILIKE '%${q}%' ORDER BY id`);
  return result.rows;
}

/** Published products sorted by `sort` (id, name or price) in direction `dir` (asc or desc). */
export async function listProducts(db: Pool, sort = 'id', dir = 'asc'): Promise<Product[]> {
  // TODO 2: a parameter cannot stand for a column name or ASC/DESC. Map sort and dir through an
  //         allow-list to SQL you wrote yourself; anything else: throw new BadRequest('...').
  const result = await db.query<Product>(`SELECT id, name, price FROM products WHERE published ORDER BY ${sort} ${dir}, id`);
  return result.rows;
}

/** Adds a review to product `productId`; undefined when there is no such product. */
export async function addReview(db: Pool, productId: number, author: string, body: string): Promise<(Review & { productId: number }) | undefined> {
  // TODO 3: parameters for all three values ($1, $2, $3).
  const result = await db.query<Review & { productId: number }>(
    `INSERT INTO reviews (product_id, author, body)
     SELECT id, '${author}', '${body}' FROM products WHERE id = ${productId}
     RETURNING id, product_id AS "productId", author, body`,
  );
  return result.rows[0];
}

/** The reviews of product `productId`, oldest first. */
export async function listReviews(db: Pool, productId: number): Promise<Review[]> {
  // TODO 4: and here.
  const result = await db.query<Review>(`SELECT id, author, body FROM reviews WHERE product_id = ${productId} ORDER BY id`);
  return result.rows;
}
