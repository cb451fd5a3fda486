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
  // WRONG: every db.query runs on its own, outside a transaction; a failure halfway keeps the first half.
  const { rows } = await db.query('SELECT balance_cents FROM accounts WHERE id = $1', [fromId]);
  if (rows.length === 0) throw new AccountNotFoundError(`Account ${fromId} not found`);
  if (Number(rows[0].balance_cents) < amountCents) throw new InsufficientFundsError(`Account ${fromId} has too little`);
  await db.query('UPDATE accounts SET balance_cents = balance_cents - $1 WHERE id = $2', [amountCents, fromId]);
  const credited = await db.query('UPDATE accounts SET balance_cents = balance_cents + $1 WHERE id = $2', [amountCents, toId]);
  if (credited.rowCount === 0) throw new AccountNotFoundError(`Account ${toId} not found`);
  const inserted = await db.query('INSERT INTO transfers (from_id, to_id, amount_cents) VALUES ($1, $2, $3) RETURNING id', [
    fromId,
    toId,
    amountCents,
  ]);
  return { id: inserted.rows[0].id, fromId, toId, amountCents };
}

module.exports = { transfer };
