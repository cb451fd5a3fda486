// Full-text search over articles. `db` is a pg Pool: `const { rows } = await db.query<Row>(sql, [q])`.
// `q` is what the user typed (never empty), for example: running shoes   "connection pool" -redis
import type { Pool } from 'pg';

export interface Hit {
  id: number;
  title: string;
}

// The 10 best matches: ranked with ts_rank on the `search` column, highest first, equal ranks by id.
// The query is read with websearch_to_tsquery('english', q).
export async function search(db: Pool, q: string): Promise<Hit[]> {
  // The parsed query is computed once and used twice: to filter (through the GIN index) and to rank.
  // q is bound as $1, so it is only ever text to search for.
  const { rows } = await db.query<Hit>(
    `WITH query AS (SELECT websearch_to_tsquery('english', $1) AS q)
     SELECT a.id, a.title
       FROM articles AS a, query
      WHERE a.search @@ query.q
      ORDER BY ts_rank(a.search, query.q) DESC, a.id
      LIMIT 10`,
    [q],
  );
  return rows;
}
