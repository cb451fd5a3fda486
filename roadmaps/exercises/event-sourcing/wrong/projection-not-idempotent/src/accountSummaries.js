// A read model (a projection): a table of account summaries, built from the records of the event store
// and kept up to date as new ones arrive. It is shaped for reading, such as a page that lists accounts,
// and it holds nothing the log does not: throw it away and rebuild it from readAll() at any time.
//
//   const summaries = AccountSummaries.rebuild(store);   // catch up from the log…
//   store.subscribe((record) => summaries.apply(record)); // …then follow it live
//   summaries.get('acc-1'); // { accountId: 'acc-1', owner: 'Ada', balance: 700, status: 'open', transactions: 2 }
//
// Records can be delivered more than once (a subscriber that restarts, a replay that overlaps the live
// feed), so apply() remembers the last position it applied and skips any record at or before it.

class AccountSummaries {
  constructor() {
    this.accounts = new Map(); // accountId -> summary
    this.position = 0; // the position of the last record applied
  }

  /** Applies one record from the store; false (and no change) if it was applied already. */
  apply(record) {
    // WRONG: no check of the position, so a record delivered twice is counted twice.
    const id = record.streamId;
    const summary = this.accounts.get(id);
    switch (record.type) {
      case 'AccountOpened':
        this.accounts.set(id, { accountId: id, owner: record.data.owner, balance: 0, status: 'open', transactions: 0 });
        break;
      case 'MoneyDeposited':
        summary.balance += record.data.amount;
        summary.transactions++;
        break;
      case 'MoneyWithdrawn':
        summary.balance -= record.data.amount;
        summary.transactions++;
        break;
      case 'AccountClosed':
        summary.status = 'closed';
        break;
      default:
      // Not an event this read model cares about.
    }
    this.position = record.position;
    return true;
  }

  /** The summary of one account (a copy), or undefined. */
  get(accountId) {
    const summary = this.accounts.get(accountId);
    return summary && { ...summary };
  }

  /** Every summary (copies), sorted by accountId. */
  list() {
    return [...this.accounts.values()]
      .map((summary) => ({ ...summary }))
      .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  }

  /** The money in all accounts together. */
  get totalBalance() {
    let total = 0;
    for (const summary of this.accounts.values()) total += summary.balance;
    return total;
  }

  /** A new projection fed with every record of `store`, in order. */
  static rebuild(store) {
    const summaries = new AccountSummaries();
    for (const record of store.readAll()) summaries.apply(record);
    return summaries;
  }
}

module.exports = { AccountSummaries };
