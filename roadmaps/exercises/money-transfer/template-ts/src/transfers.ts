// Moves money between two accounts. The API (app.ts) has already checked the input: fromId and toId
// are different positive integers, amountCents a whole number above 0.
//
// `db` is a pg Pool. A transaction needs ONE connection for all its statements:
//   const client = await db.connect();
//   try { await client.query('BEGIN'); ...; await client.query('COMMIT'); }
//   catch (err) { await client.query('ROLLBACK'); throw err; }
//   finally { client.release(); }
// (db.query(...) may run each statement on a different connection, outside any transaction.)
import type { Pool } from 'pg';
import { AccountNotFoundError, InsufficientFundsError } from './errors';

export interface TransferRequest {
  fromId: number;
  toId: number;
  amountCents: number;
}

export interface Transfer extends TransferRequest {
  /** The id of the new row in transfers. */
  id: number;
}

// Throws AccountNotFoundError when either account does not exist, InsufficientFundsError when the
// sender's balance is below amountCents; either way, nothing changes.
export async function transfer(db: Pool, { fromId, toId, amountCents }: TransferRequest): Promise<Transfer> {
  // TODO: in one transaction:
  //   1. lock both accounts' rows (SELECT ... FOR UPDATE), always in the same order (by id);
  //   2. check that both exist and that the sender has enough;
  //   3. take the amount from one, add it to the other, and INSERT the transfer (RETURNING id).
  throw new Error('TODO: transfer is not written yet');
}
