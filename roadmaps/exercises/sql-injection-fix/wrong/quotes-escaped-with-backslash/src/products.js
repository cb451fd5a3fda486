// The shop's queries. Every value from a request travels as a parameter ($1, $2…), never inside the
// SQL text; the one thing a parameter cannot be, a column name in ORDER BY, comes from an allow-list.

/** ?sort= values and the column each one sorts by: the only text from a request that reaches the SQL. */
const SORT_COLUMNS = { id: 'id', name: 'name', price: 'price' };
const DIRECTIONS = { asc: 'ASC', desc: 'DESC' };

class BadRequest extends Error {}

// WRONG: escapes quotes with a backslash, as MySQL does; in PostgreSQL a backslash in '...' is just a character.
const quote = (s) => `'${s.replace(/'/g, "\\'")}'`;

/** Published products whose name contains `q`, case-insensitively, by id. */
async function searchProducts(db, q) {
  const { rows } = await db.query(
    `SELECT id, name, price FROM products WHERE published AND name ILIKE '%' || ${quote(q)} || '%' ORDER BY id`,
  );
  return rows;
}

/** Published products sorted by `sort` (id, name or price) in direction `dir` (asc or desc). */
async function listProducts(db, sort = 'id', dir = 'asc') {
  const column = Object.hasOwn(SORT_COLUMNS, sort) ? SORT_COLUMNS[sort] : undefined;
  const direction = Object.hasOwn(DIRECTIONS, dir) ? DIRECTIONS[dir] : undefined;
  if (!column) throw new BadRequest(`sort must be one of ${Object.keys(SORT_COLUMNS).join(', ')}`);
  if (!direction) throw new BadRequest('dir must be asc or desc');
  // Both come from the constants above, never from the request itself.
  const { rows } = await db.query(`SELECT id, name, price FROM products WHERE published ORDER BY ${column} ${direction}, id`);
  return rows;
}

/** Adds a review to product `productId`; undefined when there is no such product. */
async function addReview(db, productId, author, body) {
  const { rows } = await db.query(
    `INSERT INTO reviews (product_id, author, body)
     SELECT id, ${quote(author)}, ${quote(body)} FROM products WHERE id = ${Number(productId)}
     RETURNING id, product_id AS "productId", author, body`,
  );
  return rows[0];
}

/** The reviews of product `productId`, oldest first. */
async function listReviews(db, productId) {
  const { rows } = await db.query('SELECT id, author, body FROM reviews WHERE product_id = $1 ORDER BY id', [productId]);
  return rows;
}

module.exports = { BadRequest, searchProducts, listProducts, addReview, listReviews };
