// Moves money between two accounts. The API (app.ts) has already checked the input: fromId and toId
// are different positive integers, amountCents a whole number above 0.
//
// `db` is a pg Pool. A transaction needs ONE connection for all its statements:
//   const client = await db.connect();
//   try { await client.query('BEGIN'); ...; await client.query('COMMIT'); }
//   catch (err) { await client.query('ROLLBACK'); throw err; }
//   finally { client.release(); }
// (db.query(...) may run each statement on a different connection, outside any transaction.)
import type { Pool, PoolClient } from 'pg';
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
export async function transfer(db: Pool, request: TransferRequest): Promise<Transfer> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const id = await move(client, request);
    await client.query('COMMIT');
    return { id, ...request };
  } catch (err) {
    // Whatever went wrong (a refusal, a lost connection), nothing of this transfer is kept.
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function move(client: PoolClient, { fromId, toId, amountCents }: TransferRequest): Promise<number> {
  // One statement locks both rows, in id order, so opposite transfers queue instead of deadlocking.
  // The balance read here cannot change under us until COMMIT.
  const locked = await client.query<{ id: number; balance_cents: string }>(
    'SELECT id, balance_cents FROM accounts WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE',
    [[fromId, toId]],
  );
  const balances = new Map(locked.rows.map((row) => [row.id, BigInt(row.balance_cents)]));
  const fromBalance = balances.get(fromId);
  if (fromBalance === undefined) throw new AccountNotFoundError(`Account ${fromId} not found`);
  if (!balances.has(toId)) throw new AccountNotFoundError(`Account ${toId} not found`);
  if (fromBalance < BigInt(amountCents)) {
    throw new InsufficientFundsError(`Account ${fromId} has ${fromBalance} cents, less than ${amountCents}`);
  }
  await client.query('UPDATE accounts SET balance_cents = balance_cents - $2 WHERE id = $1', [fromId, amountCents]);
  await client.query('UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1', [toId, amountCents]);
  const inserted = await client.query<{ id: number }>(
    'INSERT INTO transfers (from_id, to_id, amount_cents) VALUES ($1, $2, $3) RETURNING id',
    [fromId, toId, amountCents],
  );
  const row = inserted.rows[0];
  if (!row) throw new Error('INSERT ... RETURNING id returned no row');
  return row.id;
}
