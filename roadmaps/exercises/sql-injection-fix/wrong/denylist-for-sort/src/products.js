// The shop's queries. Every value from a request travels as a parameter ($1, $2…), never inside the
// SQL text; the one thing a parameter cannot be, a column name in ORDER BY, comes from an allow-list.

/** ?sort= values and the column each one sorts by: the only text from a request that reaches the SQL. */
const SORT_COLUMNS = { id: 'id', name: 'name', price: 'price' };
const DIRECTIONS = { asc: 'ASC', desc: 'DESC' };

class BadRequest extends Error {}

/** Published products whose name contains `q`, case-insensitively, by id. */
async function searchProducts(db, q) {
  const { rows } = await db.query(
    "SELECT id, name, price FROM products WHERE published AND name ILIKE '%' || $1 || '%' ORDER BY id",
    [q],
  );
  return rows;
}

/** Published products sorted by `sort` (id, name or price) in direction `dir` (asc or desc). */
async function listProducts(db, sort = 'id', dir = 'asc') {
  // WRONG: a deny-list of dangerous characters instead of an allow-list of columns.
  if (/[;\s'"()-]/.test(sort) || /[;\s'"()-]/.test(dir)) throw new BadRequest('sort and dir may not contain special characters');
  const { rows } = await db.query(`SELECT id, name, price FROM products WHERE published ORDER BY ${sort} ${dir}, id`);
  return rows;
}

/** Adds a review to product `productId`; undefined when there is no such product. */
async function addReview(db, productId, author, body) {
  const { rows } = await db.query(
    `INSERT INTO reviews (product_id, author, body)
     SELECT id, $2, $3 FROM products WHERE id = $1
     RETURNING id, product_id AS "productId", author, body`,
    [productId, author, body],
  );
  return rows[0];
}

/** The reviews of product `productId`, oldest first. */
async function listReviews(db, productId) {
  const { rows } = await db.query('SELECT id, author, body FROM reviews WHERE product_id = $1 ORDER BY id', [productId]);
  return rows;
}

module.exports = { BadRequest, searchProducts, listProducts, addReview, listReviews };
