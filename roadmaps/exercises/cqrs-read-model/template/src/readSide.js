// The read side: a projection of the events into views shaped for readers. It only ever learns about
// the accounts from events; it never looks at the write side's state.

function createReadSide() {
  /** The position of the last event applied (0: none yet). */
  let position = 0;
  /** account id -> { accountId, owner, balance, lines: [{ position, type, amount, balance }] } */
  const accounts = new Map();
  /** Queries waiting for the read model to reach a position: { minPosition, resolve }. */
  let waiting = [];

  function addLine(accountId, event, type, amount) {
    const account = accounts.get(accountId);
    account.balance += amount;
    account.lines.push({ position: event.position, type, amount, balance: account.balance });
  }

  /** Applies one event, once: an event at or below the current position is already in the views. */
  function apply(event) {
    // TODO 5: skip an event the read model already has (its position is not above `position`): after
    // a rebuild, the queue still delivers events the rebuild has applied.
    const d = event.data;
    if (event.type === 'AccountOpened') accounts.set(d.accountId, { accountId: d.accountId, owner: d.owner, balance: 0, lines: [] });
    // TODO 3: MoneyDeposited adds a 'deposit' line, MoneyWithdrawn a 'withdrawal' line (negative amount),
    // MoneyTransferred a 'transfer_out' line on `from` AND a 'transfer_in' line on `to`. Use addLine().
    position = event.position;
    // TODO 4: wake up the queries in `waiting` whose minPosition has been reached (resolve(true)).
  }

  const summary = (a) => ({ accountId: a.accountId, owner: a.owner, balance: a.balance });

  return {
    apply,
    get position() {
      return position;
    },
    /** Throws the views away and applies every event of the log again, in order. */
    rebuild(events) {
      // TODO 5: start from empty views and position 0, then apply every event in order.
      events.forEach(apply);
    },
    /** Resolves true once the read model has reached minPosition, or false after timeoutMs. */
    waitFor(minPosition, timeoutMs) {
      // TODO 4: resolve at once when position >= minPosition; otherwise add { minPosition, resolve } to
      // `waiting` (apply() resolves it with true) and resolve false after timeoutMs (and forget it).
      return Promise.resolve(true);
    },
    account(id) {
      const a = accounts.get(id);
      return a && summary(a);
    },
    /** Accounts whose balance is at least minBalance, highest balance first (ties: by id). */
    list(minBalance) {
      // TODO 6: only balances >= minBalance, highest balance first, equal balances by accountId (A to Z).
      return [...accounts.values()].map(summary);
    },
    statement(id) {
      const a = accounts.get(id);
      return a && { accountId: a.accountId, owner: a.owner, balance: a.balance, lines: a.lines.map((l) => ({ ...l })) };
    },
  };
}

module.exports = { createReadSide };
