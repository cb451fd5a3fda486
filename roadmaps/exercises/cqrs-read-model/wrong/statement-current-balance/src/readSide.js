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
    if (event.position <= position) return;
    const d = event.data;
    if (event.type === 'AccountOpened') accounts.set(d.accountId, { accountId: d.accountId, owner: d.owner, balance: 0, lines: [] });
    else if (event.type === 'MoneyDeposited') addLine(d.accountId, event, 'deposit', d.amount);
    else if (event.type === 'MoneyWithdrawn') addLine(d.accountId, event, 'withdrawal', -d.amount);
    else if (event.type === 'MoneyTransferred') {
      addLine(d.from, event, 'transfer_out', -d.amount);
      addLine(d.to, event, 'transfer_in', d.amount);
    }
    position = event.position;
    const reached = waiting.filter((w) => w.minPosition <= position);
    waiting = waiting.filter((w) => w.minPosition > position);
    for (const w of reached) w.resolve(true);
  }

  const summary = (a) => ({ accountId: a.accountId, owner: a.owner, balance: a.balance });

  return {
    apply,
    get position() {
      return position;
    },
    /** Throws the views away and applies every event of the log again, in order. */
    rebuild(events) {
      position = 0;
      accounts.clear();
      events.forEach(apply);
    },
    /** Resolves true once the read model has reached minPosition, or false after timeoutMs. */
    waitFor(minPosition, timeoutMs) {
      if (position >= minPosition) return Promise.resolve(true);
      return new Promise((resolve) => {
        const entry = { minPosition, resolve };
        waiting.push(entry);
        setTimeout(() => {
          waiting = waiting.filter((w) => w !== entry);
          resolve(false);
        }, timeoutMs);
      });
    },
    account(id) {
      const a = accounts.get(id);
      return a && summary(a);
    },
    /** Accounts whose balance is at least minBalance, highest balance first (ties: by id). */
    list(minBalance) {
      return [...accounts.values()]
        .filter((a) => a.balance >= minBalance)
        .sort((x, y) => y.balance - x.balance || (x.accountId < y.accountId ? -1 : x.accountId > y.accountId ? 1 : 0))
        .map(summary);
    },
    statement(id) {
      const a = accounts.get(id);
      // WRONG: each line shows the account's balance now instead of the balance after that line.
      return a && { accountId: a.accountId, owner: a.owner, balance: a.balance, lines: a.lines.map((l) => ({ ...l, balance: a.balance })) };
    },
  };
}

module.exports = { createReadSide };
