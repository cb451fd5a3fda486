// The shop's queries. They work for ordinary input, and every one of them can be hijacked: each
// builds its SQL by pasting request values into the text. Fix them (README, "Steps").

class BadRequest extends Error {}

/** Published products whose name contains `q`, case-insensitively, by id. */
async function searchProducts(db, q) {
  // TODO 1: q goes in as a parameter: db.query(text, [q]) with $1 in the text.
  const { rows } = await db.query(`SELECT id, name, price FROM products WHERE published AND name ILIKE '%${q}%' ORDER BY id`);
  return rows;
}

/** Published products sorted by `sort` (id, name or price) in direction `dir` (asc or desc). */
async function listProducts(db, sort = 'id', dir = 'asc') {
  // TODO 2: a parameter cannot stand for a column name or ASC/DESC. Map sort and dir through an
  //         allow-list to SQL you wrote yourself; anything else: throw new BadRequest('...').
  const { rows } = await db.query(`SELECT id, name, price FROM products WHERE published ORDER BY ${sort} ${dir}, id`);
  return rows;
}

/** Adds a review to product `productId`; undefined when there is no such product. */
async function addReview(db, productId, author, body) {
  // TODO 3: parameters for all three values ($1, $2, $3).
  const { rows } = await db.query(
    `INSERT INTO reviews (product_id, author, body)
     SELECT id, '${author}', '${body}' FROM products WHERE id = ${productId}
     RETURNING id, product_id AS "productId", author, body`,
  );
  return rows[0];
}

/** The reviews of product `productId`, oldest first. */
async function listReviews(db, productId) {
  // TODO 4: and here.
  const { rows } = await db.query(`SELECT id, author, body FROM reviews WHERE product_id = ${productId} ORDER BY id`);
  return rows;
}

module.exports = { BadRequest, searchProducts, listProducts, addReview, listReviews };
