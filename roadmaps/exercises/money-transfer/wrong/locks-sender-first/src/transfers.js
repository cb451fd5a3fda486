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
    await client.query('BEGIN');
    // WRONG: locks the sender, then the receiver. Opposite transfers lock the same two rows in the
    // opposite order and wait for each other: a deadlock, which PostgreSQL breaks with an error.
    const sender = await client.query('SELECT balance_cents FROM accounts WHERE id = $1 FOR UPDATE', [fromId]);
    const receiver = await client.query('SELECT id FROM accounts WHERE id = $1 FOR UPDATE', [toId]);
    if (sender.rows.length === 0) throw new AccountNotFoundError(`Account ${fromId} not found`);
    if (receiver.rows.length === 0) throw new AccountNotFoundError(`Account ${toId} not found`);
    if (Number(sender.rows[0].balance_cents) < amountCents) throw new InsufficientFundsError(`Account ${fromId} has too little`);
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
