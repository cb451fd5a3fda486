// Milestone 1: the product catalogue.
import { HttpError, MAX_INT, isWholeNumber, isObject, type HandlerInput, type Reply } from './http';

const SKU = /^[A-Z0-9-]{1,32}$/;
const COLUMNS = 'id, sku, name, price_cents, stock';

export interface Product {
  id: number;
  sku: string;
  name: string;
  price_cents: number;
  stock: number;
}

// POST /products {sku, name, price_cents, stock} -> 201 the product; 400 invalid; 409 duplicate sku.
export async function createProduct({ db, json }: HandlerInput): Promise<Reply> {
  const input = json();
  if (!isObject(input)) throw new HttpError(400, 'The body must be a JSON object');
  const { sku, name, price_cents: priceCents, stock } = input;
  if (typeof sku !== 'string' || !SKU.test(sku)) throw new HttpError(400, 'sku must match ^[A-Z0-9-]{1,32}$');
  if (typeof name !== 'string' || name.length === 0) throw new HttpError(400, 'name must be a non-empty string');
  if (!isWholeNumber(priceCents) || priceCents < 1) throw new HttpError(400, 'price_cents must be a whole number above 0');
  if (!isWholeNumber(stock)) throw new HttpError(400, 'stock must be a whole number from 0');
  try {
    const { rows } = await db.query<Product>(
      `INSERT INTO products (sku, name, price_cents, stock) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [sku, name, priceCents, stock],
    );
    return { status: 201, json: rows[0] };
  } catch (err) {
    // The UNIQUE constraint decides: a check before the INSERT could race with another request.
    if ((err as { code?: string }).code === '23505') throw new HttpError(409, `A product with sku ${sku} already exists`);
    throw err;
  }
}

// GET /products/{sku} -> 200 the product; 404.
export async function getProduct({ db, params }: HandlerInput): Promise<Reply> {
  const { rows } = await db.query<Product>(`SELECT ${COLUMNS} FROM products WHERE sku = $1`, [params.sku]);
  if (rows.length === 0) throw new HttpError(404, `No product with sku ${params.sku}`);
  return { status: 200, json: rows[0] };
}

// GET /products?max_price=&in_stock=true -> 200 {data: [...]}, ordered by id.
export async function listProducts({ db, query }: HandlerInput): Promise<Reply> {
  const conditions: string[] = [];
  const values: number[] = [];
  const maxPrice = query.get('max_price');
  if (maxPrice !== null) {
    if (!/^\d+$/.test(maxPrice)) throw new HttpError(400, 'max_price must be a whole number of cents from 0');
    values.push(Math.min(Number(maxPrice), MAX_INT));
    conditions.push(`price_cents <= $${values.length}`);
  }
  if (query.get('in_stock') === 'true') conditions.push('stock > 0');
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const { rows } = await db.query<Product>(`SELECT ${COLUMNS} FROM products ${where} ORDER BY id`, values);
  return { status: 200, json: { data: rows } };
}
