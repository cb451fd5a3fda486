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
  // TODO: WHERE search @@ websearch_to_tsquery('english', $1), ORDER BY ts_rank(...) DESC, id, LIMIT 10.
  // Pass q as a parameter ($1), never inside the SQL text.
  throw new Error('TODO: search is not written yet');
}
