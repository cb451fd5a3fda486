// Transactions (done for you).
import type { Pool, PoolClient } from 'pg';

/**
 * Runs fn(client) inside BEGIN … COMMIT on one client taken from the pool, and answers what fn
 * answers. When fn throws (an HttpError too), the transaction is rolled back and the error goes on.
 * Inside fn, use `client.query`, never `db.query`: the pool may run that on another connection,
 * outside the transaction.
 */
export async function withTransaction<T>(db: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
