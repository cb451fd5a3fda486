// Moves money between two accounts. The API (app.js) has already checked the input: fromId and toId
// are different positive integers, amountCents a whole number above 0.
//
// `db` is a pg Pool. A transaction needs ONE connection for all its statements:
//   const client = await db.connect();
//   try { await client.query('BEGIN'); ...; await client.query('COMMIT'); }
//   catch (err) { await client.query('ROLLBACK'); throw err; }
//   finally { client.release(); }
// (db.query(...) may run each statement on a different connection, outside any transaction.)
const { AccountNotFoundError, InsufficientFundsError } = require('./errors');

// Returns { id, fromId, toId, amountCents } with the id of the new row in transfers.
// Throws AccountNotFoundError when either account does not exist, InsufficientFundsError when the
// sender's balance is below amountCents; either way, nothing changes.
async function transfer(db, { fromId, toId, amountCents }) {
  const client = await db.connect();
  try {
    // WRONG: SERIALIZABLE instead of locks, with no retry: PostgreSQL aborts one of two conflicting
    // transfers (SQLSTATE 40001) and expects the program to run it again.
    await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    const { rows } = await client.query('SELECT id, balance_cents FROM accounts WHERE id IN ($1, $2)', [fromId, toId]);
    const from = rows.find((r) => r.id === fromId);
    if (!from || !rows.some((r) => r.id === toId)) throw new AccountNotFoundError(`Account ${from ? toId : fromId} not found`);
    if (Number(from.balance_cents) < amountCents) throw new InsufficientFundsError(`Account ${fromId} has too little`);
    await client.query('UPDATE accounts SET balance_cents = balance_cents - $1 WHERE id = $2', [amountCents, fromId]);
    await client.query('UPDATE accounts SET balance_cents = balance_cents + $1 WHERE id = $2', [amountCents, toId]);
    const inserted = await client.query('INSERT INTO transfers (from_id, to_id, amount_cents) VALUES ($1, $2, $3) RETURNING id', [
      fromId,
      toId,
      amountCents,
    ]);
    await client.query('COMMIT');
    return { id: inserted.rows[0].id, fromId, toId, amountCents };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

module.exports = { transfer };
