// The same read model keeping immutable summaries: each record replaces an account's summary with a
// new object, and a checkpoint (the last position) makes replays harmless.
const updates = {
  AccountOpened: (_, record) => ({ accountId: record.streamId, owner: record.data.owner, balance: 0, status: 'open', transactions: 0 }),
  MoneyDeposited: (s, record) => ({ ...s, balance: s.balance + record.data.amount, transactions: s.transactions + 1 }),
  MoneyWithdrawn: (s, record) => ({ ...s, balance: s.balance - record.data.amount, transactions: s.transactions + 1 }),
  AccountClosed: (s) => ({ ...s, status: 'closed' }),
};

class AccountSummaries {
  #byId = new Map();
  #checkpoint = 0;

  apply(record) {
    if (record.position <= this.#checkpoint) return false;
    this.#checkpoint = record.position;
    const update = Object.hasOwn(updates, record.type) ? updates[record.type] : undefined;
    if (update) this.#byId.set(record.streamId, Object.freeze(update(this.#byId.get(record.streamId), record)));
    return true;
  }

  get(accountId) {
    const summary = this.#byId.get(accountId);
    return summary === undefined ? undefined : { ...summary };
  }

  list() {
    return [...this.#byId.keys()].sort().map((id) => this.get(id));
  }

  get totalBalance() {
    return [...this.#byId.values()].reduce((sum, s) => sum + s.balance, 0);
  }

  static rebuild(store) {
    const summaries = new AccountSummaries();
    store.readAll().forEach((record) => summaries.apply(record));
    return summaries;
  }
}

module.exports = { AccountSummaries };
