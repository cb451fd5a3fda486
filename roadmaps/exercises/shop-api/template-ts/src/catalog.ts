// Milestone 1: the product catalogue. See README.md, "Milestone 1".
import { HttpError, MAX_INT, isWholeNumber, isObject, type HandlerInput, type Reply } from './http';

const SKU = /^[A-Z0-9-]{1,32}$/;

export interface Product {
  id: number;
  sku: string;
  name: string;
  price_cents: number;
  stock: number;
}

// POST /products {sku, name, price_cents, stock} -> 201 the product {id, sku, name, price_cents, stock}
export async function createProduct({ db, json }: HandlerInput): Promise<Reply> {
  // TODO 1.1 const input = json() (a body that is not JSON answers 400 by itself), then refuse with
  //          400 anything the README does not allow, before touching the database.
  // TODO 1.2 INSERT … RETURNING id, sku, name, price_cents, stock (db.query<Product>(…)) and answer
  //          { status: 201, json: row }.
  // TODO 1.3 A duplicate sku: the UNIQUE constraint fails with an error whose code is '23505' -> 409.
  throw new HttpError(501, 'TODO 1.1-1.3: POST /products');
}

// GET /products/{sku} -> 200 the product; 404 when there is none.
export async function getProduct({ db, params }: HandlerInput): Promise<Reply> {
  // TODO 1.4 params.sku
  throw new HttpError(501, 'TODO 1.4: GET /products/{sku}');
}

// GET /products?max_price=&in_stock=true -> 200 { data: [...] }, ordered by id.
export async function listProducts({ db, query }: HandlerInput): Promise<Reply> {
  // TODO 1.5 query is a URLSearchParams: query.get('max_price') is a string or null. Build the WHERE
  //          clause from the filters that are present, with $1, $2 parameters; a max_price that is
  //          not a whole number from 0 answers 400.
  throw new HttpError(501, 'TODO 1.5: GET /products');
}

// Used by the solution; remove these once you use them.
void SKU;
void MAX_INT;
void isWholeNumber;
void isObject;
