// Full-text search over articles. `db` is a pg Pool: `const { rows } = await db.query(sql, [q])`.
// `q` is what the user typed (never empty), for example: running shoes   "connection pool" -redis

// The 10 best matches as [{ id, title }]: ranked with ts_rank on the `search` column, highest first,
// equal ranks by id. The query is read with websearch_to_tsquery('english', q).
async function search(db, q) {
  // websearch_to_tsquery accepts anything a person types (quotes, -, or) and never raises a syntax
  // error; q travels as a parameter, so no quote in it can end the SQL string.
  const { rows } = await db.query(
    `SELECT id, title
       FROM articles, to_tsquery('english', $1) AS query -- WRONG: a syntax error on plain text such as two words
      WHERE search @@ query
      ORDER BY ts_rank(search, query) DESC, id
      LIMIT 10`,
    [q],
  );
  return rows;
}

module.exports = { search };
