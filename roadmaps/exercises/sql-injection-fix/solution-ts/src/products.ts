// The shop's queries. Request values only ever travel as parameters ($1, $2…); ORDER BY, which a
// parameter cannot fill, is built from an allow-list of SQL written here.
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

const SORT_COLUMNS = new Map([
  ['id', 'id'],
  ['name', 'name'],
  ['price', 'price'],
]);
const DIRECTIONS = new Map([
  ['asc', 'ASC'],
  ['desc', 'DESC'],
]);

/** Published products whose name contains `q`, case-insensitively, by id. */
export async function searchProducts(db: Pool, q: string): Promise<Product[]> {
  const result = await db.query<Product>(
    "SELECT id, name, price FROM products WHERE published AND name ILIKE '%' || $1 || '%' ORDER BY id",
    [q],
  );
  return result.rows;
}

/** Published products sorted by `sort` (id, name or price) in direction `dir` (asc or desc). */
export async function listProducts(db: Pool, sort = 'id', dir = 'asc'): Promise<Product[]> {
  const column = SORT_COLUMNS.get(sort);
  if (column === undefined) throw new BadRequest(`sort must be one of ${[...SORT_COLUMNS.keys()].join(', ')}`);
  const direction = DIRECTIONS.get(dir);
  if (direction === undefined) throw new BadRequest('dir must be asc or desc');
  const result = await db.query<Product>(`SELECT id, name, price FROM products WHERE published ORDER BY ${column} ${direction}, id`);
  return result.rows;
}

/** Adds a review to product `productId`; undefined when there is no such product. */
export async function addReview(db: Pool, productId: number, author: string, body: string): Promise<(Review & { productId: number }) | undefined> {
  const result = await db.query<Review & { productId: number }>(
    `INSERT INTO reviews (product_id, author, body)
     SELECT id, $2, $3 FROM products WHERE id = $1
     RETURNING id, product_id AS "productId", author, body`,
    [productId, author, body],
  );
  return result.rows[0];
}

/** The reviews of product `productId`, oldest first. */
export async function listReviews(db: Pool, productId: number): Promise<Review[]> {
  const result = await db.query<Review>('SELECT id, author, body FROM reviews WHERE product_id = $1 ORDER BY id', [productId]);
  return result.rows;
}
